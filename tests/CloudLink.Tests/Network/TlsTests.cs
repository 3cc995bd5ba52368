using CloudLink.Core.Config;
using CloudLink.Protocol;
using CloudLink.Tests.Support;
using static CloudLink.Tests.Agent.CommandLineTests;

namespace CloudLink.Tests.Network;

/// <summary>
/// The reference cloud over HTTPS with a certificate from a test authority: the agent checks it,
/// trusts a private authority only through cloud.caFile, and refuses anything else with the reason.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    private static Task<(int ExitCode, string Output, string Error)> PinAsync(AgentInstance instance) =>
        RunAgentAsync(new Dictionary<string, string>(), null, "--config", instance.ConfigFile, "pin");

    [Fact]
    public async Task With_the_private_authority_in_ca_file_the_agent_pairs_and_uploads_over_https()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);
        var integration = await cloud.People.CreateIntegrationAsync("HTTPS");
        using var instance = new AgentInstance(cloud.BaseAddress);
        ConfigFile.Set(instance.Paths, "cloud.caFile", _certificates.AuthorityPem);

        await using (instance.StartInProcess())
        {
            await instance.PairAsync(cloud, integration.Id);
            instance.Drop("calls.csv", "id;queue\n1;sales\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 1, TimeSpan.FromSeconds(30), "the file over HTTPS");
        }

        Assert.StartsWith("https://", cloud.BaseAddress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_ca_file_a_private_certificate_is_refused_with_the_reason_and_the_fix()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);
        using var instance = new AgentInstance(cloud.BaseAddress);

        var (code, _, error) = await PinAsync(instance);

        Assert.Equal(4, code);
        Assert.Contains("presented a TLS certificate this agent does not trust", error, StringComparison.Ordinal);
        Assert.Contains("not issued by an authority this system trusts", error, StringComparison.Ordinal);
        Assert.Contains("set cloud.caFile", error, StringComparison.Ordinal);
        Assert.Contains("never skipped", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_authority_in_ca_file_does_not_make_the_certificate_trusted()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates);
        using var other = new TestCertificates("Some Other CA");
        using var instance = new AgentInstance(cloud.BaseAddress);
        ConfigFile.Set(instance.Paths, "cloud.caFile", other.AuthorityPem);

        var (code, _, error) = await PinAsync(instance);

        Assert.Equal(4, code);
        Assert.Contains("not issued by the authority in cloud.caFile", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_for_another_host_name_is_refused_even_from_the_trusted_authority()
    {
        await using var cloud = await CloudServer.StartHttpsAsync(_certificates, _certificates.ServerPfx("elsewhere.example", withLoopback: false));
        using var instance = new AgentInstance(cloud.BaseAddress);
        ConfigFile.Set(instance.Paths, "cloud.caFile", _certificates.AuthorityPem);

        var (code, _, error) = await PinAsync(instance);

        Assert.Equal(4, code);
        Assert.Contains("the certificate is issued for elsewhere.example, not for the host name in the cloud address", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_empty_ca_file_stops_the_agent_at_start_naming_the_key()
    {
        using var instance = new AgentInstance(new Uri("https://127.0.0.1:9/"));
        var config = File.ReadAllText(instance.ConfigFile);
        File.WriteAllText(instance.ConfigFile, config.Replace("[cloud]\n", "[cloud]\ncaFile = \"/nonexistent/ca.pem\"\n", StringComparison.Ordinal));
        var (missing, _, missingError) = await PinAsync(instance);

        File.WriteAllText(Path.Combine(instance.Folder, "empty.pem"), "no certificate here\n");
        File.WriteAllText(instance.ConfigFile, config.Replace("[cloud]\n", "[cloud]\ncaFile = \"empty.pem\"\n", StringComparison.Ordinal));
        var (empty, _, emptyError) = await PinAsync(instance);

        Assert.Equal((3, 3), (missing, empty));
        Assert.Contains("cloud.caFile: cannot read /nonexistent/ca.pem", missingError, StringComparison.Ordinal);
        Assert.Matches(@"injixo-cloud-link\.toml:7:\d+: cloud\.caFile: ", missingError);
        Assert.Contains("empty.pem holds no certificate", emptyError, StringComparison.Ordinal);
        Assert.Throws<ConfigException>(() => ConfigFile.Set(instance.Paths, "cloud.caFile", "/nonexistent/ca.pem"));
    }
}
