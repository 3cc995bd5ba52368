using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Resilience;

/// <summary>
/// CSV input as it comes from real exports: every encoding and shape arrives byte for byte, odd
/// files (empty, symlinked, dangling, deleted or replaced mid-way) neither stop the agent nor get
/// sent twice, and a flood of files arrives exactly once.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private static readonly int Flood = int.TryParse(Environment.GetEnvironmentVariable("CLOUDLINK_FLOOD_FILES"), CultureInfo.InvariantCulture, out var files) ? files : 10_000;

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Fact]
    public async Task Every_encoding_and_shape_arrives_byte_for_byte()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 0.1, scanSeconds: 0.1);
        var header = "queue;name;note\r\n";
        var inputs = new Dictionary<string, byte[]>
        {
            ["utf8-bom.csv"] = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(header + "1;Müller;Grüße 😀\r\n")],
            ["utf8.csv"] = Encoding.UTF8.GetBytes(header + "2;Ñandú;naïve\r\n"),
            ["iso-8859-1.csv"] = Encoding.Latin1.GetBytes(header + "3;Jörg;½ Stunde\r\n"),
            ["iso-8859-9.csv"] = [.. Encoding.ASCII.GetBytes(header + "4;"), 0xDD, 0xFD, 0xFE, 0xF0, (byte)';', 0xDE, 0xE7, (byte)'\r', (byte)'\n'],
            ["windows-1252.csv"] = [.. Encoding.ASCII.GetBytes(header + "5;"), 0x93, (byte)'q', 0x94, (byte)';', 0x80, 0x85, (byte)'\r', (byte)'\n'],
            ["quoted-newlines.csv"] = Encoding.UTF8.GetBytes(header + "6;\"two\r\nlines\";\"a \"\"quote\"\"\"\r\n"),
            ["empty.csv"] = [],
        };
        foreach (var (name, content) in inputs)
        {
            linked.Instance.Drop(name, content);
        }

        var received = await linked.ReceivedAtLeastAsync(inputs.Count);

        foreach (var (name, content) in inputs)
        {
            var file = Assert.Single(received, r => r.FileName == name);
            Assert.Equal(Sha(content), file.Sha256);
            Assert.Equal(content, await linked.Cloud.People.ContentAsync(file.Id));
        }

        linked.Agent.AssertRunning();
    }

    [Fact]
    public async Task Symlinks_are_followed_a_dangling_one_and_a_vanished_file_are_skipped_and_a_replaced_file_arrives_as_it_ends()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 1, scanSeconds: 0.1);
        using var elsewhere = new TempFolder();
        var target = elsewhere.Combine("export.csv");
        File.WriteAllText(target, "id\n1\n");
        File.CreateSymbolicLink(Path.Combine(linked.Instance.ImportFolder, "linked.csv"), target);
        File.CreateSymbolicLink(Path.Combine(linked.Instance.ImportFolder, "dangling.csv"), elsewhere.Combine("missing.csv"));
        var vanishing = linked.Instance.Drop("vanishing.csv", "id\n2\n");
        var replaced = linked.Instance.Drop("replaced.csv", "id\nfirst\n");

        await Task.Delay(400); // detected, not settled yet
        File.Delete(vanishing);
        File.WriteAllText(replaced, "id\nfinal version\n");
        linked.Instance.Drop("last.csv", "id\n3\n");

        var received = await linked.ReceivedAtLeastAsync(3);
        await Task.Delay(1500);
        received = await linked.Cloud.People.ReceivedAsync(linked.Integration.Id);

        Assert.Equal(["last.csv", "linked.csv", "replaced.csv"], received.Select(r => r.FileName).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("id\nfinal version\n", Encoding.UTF8.GetString(await linked.Cloud.People.ContentAsync(received.Single(r => r.FileName == "replaced.csv").Id)));
        Assert.True(File.Exists(target));
        linked.Agent.AssertRunning();
    }

    [Fact]
    public async Task A_named_pipe_called_csv_is_refused_with_the_reason_and_does_not_hold_up_the_import()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 0.1, scanSeconds: 0.1);
        Assert.Equal(0, Command.Run("mkfifo", Path.Combine(linked.Instance.ImportFolder, "pipe.csv")));
        linked.Instance.Drop("after.csv", "id\n1\n");

        var received = await linked.ReceivedAtLeastAsync(1);

        Assert.Equal("after.csv", Assert.Single(received).FileName);
        await Eventually.TrueAsync(() => linked.Instance.LogText().Contains("pipe.csv is not imported: it is a named pipe", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the reason in the log");
        linked.Agent.AssertRunning();
    }

    [Fact]
    public async Task A_file_larger_than_the_cloud_accepts_is_refused_with_the_limit_and_the_cloud_refuses_it_too()
    {
        await using var cloud = await CloudServer.StartAsync(null, "--Cloud:MaxUploadBytes=1000");
        var integration = await cloud.People.CreateIntegrationAsync("Small limit");
        using var instance = new AgentInstance(cloud.BaseAddress, settleSeconds: 0.1, scanSeconds: 0.1);
        await using (instance.StartInProcess())
        {
            await instance.PairAsync(cloud, integration.Id);
            instance.Drop("big.csv", new byte[5000]);
            instance.Drop("small.csv", "id\n1\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 1, TimeSpan.FromSeconds(30), "the small file");
            await Eventually.TrueAsync(() => instance.LogText().Contains("big.csv is not imported: it is 5000 bytes and the cloud accepts at most 1000", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10), "the refusal with the limit");
        }

        // The cloud enforces the limit itself, also against an agent that does not check first.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{CloudLink.Protocol.AgentRoutes.Files}?name=big.csv&sha256={Sha(new byte[5000])}")
        {
            Content = new ByteArrayContent(new byte[5000]),
        };
        request.Headers.Authorization = new("Bearer", instance.Credentials()!.Secret);
        using var response = await cloud.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Split it into smaller files", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("small.csv", Assert.Single(await cloud.People.ReceivedAsync(integration.Id)).FileName);
    }

    [RootFact("the agent runs as nobody and the file belongs to root")]
    public async Task A_file_the_service_user_cannot_read_is_reported_with_the_fix_and_arrives_once_readable()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("Unreadable");
        using var instance = new AgentInstance(cloud.BaseAddress, settleSeconds: 0.1, scanSeconds: 0.1);
        var secret = instance.Drop("secret.csv", "id\n1\n");
        Assert.Equal(0, Command.Run("chmod", "600", secret));
        Assert.Equal(0, Command.Run("chown", "-R", "nobody:nogroup", instance.Folder));
        Assert.Equal(0, Command.Run("chown", "root:root", secret));
        using var process = instance.StartProcess(user: "nobody");
        try
        {
            await instance.PairAsync(cloud, integration.Id);
            instance.Drop("open.csv", "id\n2\n");
            Assert.Equal(0, Command.Run("chown", "nobody:nogroup", Path.Combine(instance.ImportFolder, "open.csv")));
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 1, TimeSpan.FromSeconds(30), "the readable file");
            await Eventually.TrueAsync(() => instance.LogText().Contains("give the service's user read access", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the fix in the log");

            Assert.Equal(0, Command.Run("chmod", "644", secret));
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 2, TimeSpan.FromSeconds(30), "the file once readable");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Contains(secret, instance.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_files_dropped_at_once_arrive_exactly_once()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 0.1, scanSeconds: 0.2);
        var shas = new HashSet<string>();
        for (var i = 0; i < Flood; i++)
        {
            var content = Encoding.UTF8.GetBytes($"id;value\n{i};{i * 7}\n");
            shas.Add(Sha(content));
            await File.WriteAllBytesAsync(Path.Combine(linked.Instance.ImportFolder, $"flood-{i:D5}.csv"), content);
        }

        var clock = Stopwatch.StartNew();
        var received = await linked.ReceivedAtLeastAsync(Flood, TimeSpan.FromMinutes(15));
        output.WriteLine($"{Flood} files in {clock.Elapsed.TotalSeconds:0.0} s ({Flood / clock.Elapsed.TotalSeconds:0} files/s)");
        await Task.Delay(1000);
        received = await linked.Cloud.People.ReceivedAsync(linked.Integration.Id);

        Assert.Equal(Flood, received.Count);
        Assert.True(shas.SetEquals(received.Select(r => r.Sha256)));
        linked.Agent.AssertRunning();
    }
}
