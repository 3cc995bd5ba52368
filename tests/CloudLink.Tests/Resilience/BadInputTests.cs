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
