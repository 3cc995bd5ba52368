using CloudLink.Tests.Support;
using static CloudLink.Tests.Agent.CommandLineTests;

namespace CloudLink.Tests.Network;

/// <summary>
/// The agent through real proxies to the HTTPS reference cloud (CONNECT): tinyproxy with Basic
/// authentication, squid with a password full of special characters, NO_PROXY, a wrong password
/// (407, named, masked) and a proxy URL without a scheme (refused at start).
/// </summary>
public sealed class ProxyTests : IDisposable
{
    private const string SpecialPassword = "p@ss:w/rd %ü#";
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    private async Task<(int ExitCode, string Output, string Error)> PinThroughAsync(CloudServer cloud, Dictionary<string, string> environment)
    {
        using var instance = new AgentInstance(cloud.BaseAddress);
        CloudLink.Core.Config.ConfigFile.Set(instance.Paths, "cloud.caFile", _certificates.AuthorityPem);
        return await RunAgentAsync(environment, null, "--config", instance.ConfigFile, "pin");
    }

    private static string Encoded(string text) => Uri.EscapeDataString(text);

    [ProxyFact("/usr/sbin/squid")]
    public async Task Through_squid_with_special_characters_in_the_password_the_agent_pairs_and_uploads()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);
        using var proxy = await ProxyServer.SquidAsync("svc", SpecialPassword);
        var integration = await cloud.People.CreateIntegrationAsync("Through squid");
        using var instance = new AgentInstance(cloud.BaseAddress);
        CloudLink.Core.Config.ConfigFile.Set(instance.Paths, "cloud.caFile", _certificates.AuthorityPem);
        var environment = new Dictionary<string, string> { ["HTTPS_PROXY"] = $"http://svc:{Encoded(SpecialPassword)}@127.0.0.1:{proxy.Port}" };

        using var agent = instance.StartProcess(environment);
        try
        {
            await instance.PairAsync(cloud, integration.Id);
            instance.Drop("calls.csv", "id;queue\n1;sales\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 1, TimeSpan.FromSeconds(60), "the file through squid");
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
        }

        Assert.Matches($@"TCP_TUNNEL/200 \d+ CONNECT 127\.0\.0\.1:{cloud.BaseAddress.Port} svc", proxy.LogText());
        Assert.DoesNotContain(SpecialPassword, instance.LogText(), StringComparison.Ordinal);
    }

    [ProxyFact("/usr/bin/tinyproxy")]
    public async Task Through_tinyproxy_with_basic_authentication_the_pin_arrives_via_connect()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);
        using var proxy = await ProxyServer.TinyproxyAsync("cloudlink", "Secr3tPass");

        var (code, output, error) = await PinThroughAsync(cloud, new() { ["https_proxy"] = $"http://cloudlink:Secr3tPass@127.0.0.1:{proxy.Port}" });

        Assert.True(code == 0, error);
        Assert.Matches(@"Enter your pin: \d{6}", output);
        Assert.Contains($"CONNECT 127.0.0.1:{cloud.BaseAddress.Port}", proxy.LogText(), StringComparison.Ordinal);
    }

    [ProxyFact("/usr/sbin/squid")]
    public async Task A_wrong_proxy_password_is_a_clear_407_naming_the_proxy_with_the_password_masked()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);
        using var proxy = await ProxyServer.SquidAsync("svc", SpecialPassword);

        var (code, output, error) = await PinThroughAsync(cloud, new() { ["HTTPS_PROXY"] = $"http://svc:wrong-{Encoded("pä$$")}@127.0.0.1:{proxy.Port}" });

        Assert.Equal(4, code);
        Assert.Contains($"The proxy http://svc:****@127.0.0.1:{proxy.Port} refused the connection", error, StringComparison.Ordinal);
        Assert.Contains("407 Proxy Authentication Required", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_proxy_sends_the_cloud_directly_even_with_a_dead_proxy_set()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);

        var (code, output, error) = await PinThroughAsync(cloud, new() { ["HTTPS_PROXY"] = "http://127.0.0.1:9", ["NO_PROXY"] = "localhost,127.0.0.1" });

        Assert.True(code == 0, error);
        Assert.Matches(@"Enter your pin: \d{6}", output);
    }

    [Fact]
    public async Task A_dead_proxy_is_named_with_what_to_check()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);

        var (code, _, error) = await PinThroughAsync(cloud, new() { ["HTTPS_PROXY"] = "http://ops:secret@127.0.0.1:9" });

        Assert.Equal(4, code);
        Assert.Contains("Cannot reach the proxy http://ops:****@127.0.0.1:9 (from HTTPS_PROXY)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_url_without_a_scheme_stops_the_agent_at_start()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);

        var (code, _, error) = await PinThroughAsync(cloud, new() { ["HTTPS_PROXY"] = "ops:secret@proxy.corp:3128" });

        Assert.Equal(3, code);
        Assert.Contains("HTTPS_PROXY = 'ops:****@proxy.corp:3128' has no scheme", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }
}

/// <summary>A test that needs a proxy program installed; skipped with the reason otherwise.</summary>
public sealed class ProxyFactAttribute : FactAttribute
{
    public ProxyFactAttribute(string program)
    {
        if (ProxyServer.SkipReason(program) is { } reason)
        {
            Skip = reason;
        }
    }
}
