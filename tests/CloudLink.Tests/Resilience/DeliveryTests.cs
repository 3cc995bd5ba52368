using System.Security.Cryptography;
using CloudLink.Core.State;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Resilience;

/// <summary>Nothing lost, nothing stored twice: the cloud stopped mid-import, and the agent killed mid-run.</summary>
public sealed class DeliveryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    internal static Dictionary<string, byte[]> DropFiles(AgentInstance instance, int count, int size, int seed, int first = 0)
    {
        var random = new Random(seed);
        var files = new Dictionary<string, byte[]>();
        for (var i = first; i < first + count; i++)
        {
            var content = new byte[size];
            random.NextBytes(content);
            var name = $"export-{i:D3}.csv";
            instance.Drop(name, content);
            files[name] = content;
        }

        return files;
    }

    internal static async Task AssertEachExactlyOnceAsync(CloudServer cloud, long integrationId, Dictionary<string, byte[]> files, AgentInstance instance)
    {
        List<ReceivedFileInfo> received = [];
        await Eventually.TrueAsync(async () => (received = await cloud.People.ReceivedAsync(integrationId)).Count >= files.Count, Wait, $"all {files.Count} files in the cloud");
        await Task.Delay(500);
        received = await cloud.People.ReceivedAsync(integrationId);

        Assert.Equal(files.Count, received.Count);
        Assert.Equal(files.Count, received.Select(file => file.Sha256).Distinct().Count());
        foreach (var (name, content) in files)
        {
            var file = Assert.Single(received, file => file.FileName == name);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256);
        }

        foreach (var file in received.Take(5))
        {
            Assert.Equal(files[file.FileName], await cloud.People.ContentAsync(file.Id));
        }

        using var ledger = ImportLedger.Open(instance.Paths.LedgerFile);
        Assert.Equal(files.Count, ledger.Imported);
    }

    [Fact]
    public async Task With_the_cloud_stopped_during_an_import_and_started_again_every_file_arrives_exactly_once()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 0.1, scanSeconds: 0.1);
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);

        var files = DropFiles(instance, count: 40, size: 256 * 1024, seed: 1);
        await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count >= 3, Wait, "the import to be under way");
        await cloud.StopAsync();
        await Eventually.TrueAsync(() => instance.LogText().Contains("Cannot reach the cloud", StringComparison.Ordinal), Wait, "the agent to notice the outage");
        await Task.Delay(1500);
        await cloud.RestartAsync();

        await AssertEachExactlyOnceAsync(cloud, integration.Id, files, instance);
        linked.Agent.AssertRunning();
        Assert.Contains("Nothing is lost", instance.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_agent_killed_and_restarted_mid_run_no_file_is_lost_or_duplicated()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress, settleSeconds: 0.1, scanSeconds: 0.1);
        var process = instance.StartProcess();
        try
        {
            await instance.PairAsync(cloud, integration.Id);
            var files = DropFiles(instance, count: 120, size: 256 * 1024, seed: 2);
            var random = new Random(3);
            var killsMidRun = 0;
            for (var round = 1; round <= 6; round++)
            {
                // Kill at a random moment once the import has made some progress since the last restart.
                var threshold = round * files.Count / 8;
                await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count >= threshold, Wait, $"{threshold} files before kill {round}");
                await Task.Delay(random.Next(0, 40));
                process.Kill();
                await process.WaitForExitAsync();
                process.Dispose();
                var arrived = (await cloud.People.ReceivedAsync(integration.Id)).Count;
                if (arrived > 0 && arrived < files.Count)
                {
                    killsMidRun++;
                }

                process = instance.StartProcess();
            }

            await AssertEachExactlyOnceAsync(cloud, integration.Id, files, instance);
            Assert.True(killsMidRun >= 2, $"only {killsMidRun} of the kills fell in the middle of the import");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    [Fact]
    public async Task SIGTERM_during_uploads_stops_the_agent_cleanly_and_a_restart_finishes_without_loss_or_duplicate()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress, settleSeconds: 0.1, scanSeconds: 0.1);
        var process = instance.StartProcess();
        await instance.PairAsync(cloud, integration.Id);
        var files = DropFiles(instance, count: 80, size: 512 * 1024, seed: 7);
        await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count >= 5, Wait, "uploads under way");

        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using (var stopWait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await process.WaitForExitAsync(stopWait.Token);
        }

        Assert.Equal(0, process.ExitCode);
        process.Dispose();
        Assert.Contains("Stopped.", instance.LogText(), StringComparison.Ordinal);
        Assert.True((await cloud.People.ReceivedAsync(integration.Id)).Count < files.Count, "the stop should fall in the middle of the uploads");

        process = instance.StartProcess();
        try
        {
            await AssertEachExactlyOnceAsync(cloud, integration.Id, files, instance);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
