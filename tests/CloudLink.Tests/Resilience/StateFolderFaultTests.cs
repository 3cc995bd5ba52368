using CloudLink.Core.State;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Resilience;

/// <summary>
/// The state folder on its own small real file system (tmpfs) that fills up or is read-only: the
/// agent stops advancing, says why, corrupts nothing and sends nothing twice, and goes on by itself
/// once it can write again.
/// </summary>
public sealed class StateFolderFaultTests
{
    [RootFact("the state folder is a tmpfs mounted for the test")]
    public async Task A_full_state_folder_holds_the_import_back_with_the_reason_and_it_continues_when_there_is_room()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("Full state folder");
        using var instance = new AgentInstance(cloud.BaseAddress, settleSeconds: 0.1, scanSeconds: 0.1);
        using (new TmpfsStateFolder(instance, "256k"))
        {
            await using var agent = instance.StartInProcess();
            await instance.PairAsync(cloud, integration.Id);
            instance.Drop("before.csv", "id\n1\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 1, TimeSpan.FromSeconds(30), "the first file");

            var filler = Path.Combine(instance.Paths.StateFolder, "filler");
            try
            {
                await File.WriteAllBytesAsync(filler, new byte[1024 * 1024]);
            }
            catch (IOException)
            {
                // the file system is full now, as intended
            }

            // The ledger's last page still has room for a few records; enough files use it up.
            for (var i = 0; i < 60; i++)
            {
                instance.Drop($"during-{i:D2}.csv", $"id\n{i + 100}\n");
            }

            await Eventually.TrueAsync(() => instance.LogText().Contains("No space left on device", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the agent to say the state folder is full");
            await Task.Delay(1000);
            agent.AssertRunning();

            File.Delete(filler);
            instance.Drop("after.csv", "id\n3\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 62, TimeSpan.FromSeconds(60), "all files once there is room");
            await Eventually.TrueAsync(() =>
            {
                using var ledger = ImportLedger.Open(instance.Paths.LedgerFile);
                return ledger.Imported == 62;
            }, TimeSpan.FromSeconds(30), "the ledger to record all of them");
        }

        var received = await cloud.People.ReceivedAsync(integration.Id);
        Assert.Equal(62, received.Count);
        Assert.Equal(62, received.Select(r => r.Sha256).Distinct().Count());
        Assert.Contains(instance.Paths.StateFolder, instance.LogText(), StringComparison.Ordinal);
    }

    [RootFact("the state folder is a tmpfs mounted for the test")]
    public async Task A_read_only_state_folder_holds_the_import_back_with_the_reason_and_it_continues_when_writable_again()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("Read-only state folder");
        using var instance = new AgentInstance(cloud.BaseAddress, settleSeconds: 0.1, scanSeconds: 0.1);
        using (var stateFolder = new TmpfsStateFolder(instance, "1m"))
        {
            await using (instance.StartInProcess())
            {
                await instance.PairAsync(cloud, integration.Id);
                instance.Drop("before.csv", "id\n1\n");
                await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 1, TimeSpan.FromSeconds(30), "the first file");
            }

            stateFolder.Remount("ro");
            await using (var agent = instance.StartInProcess())
            {
                instance.Drop("during.csv", "id\n2\n");
                await Eventually.TrueAsync(() => instance.LogText().Contains("Read-only file system", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the agent to say the state folder is read-only");
                await Task.Delay(1500);
                agent.AssertRunning();
                Assert.Single(await cloud.People.ReceivedAsync(integration.Id));

                stateFolder.Remount("rw");
                await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 2, TimeSpan.FromSeconds(60), "the held-back file once the folder is writable");
            }

            using var ledger = ImportLedger.Open(instance.Paths.LedgerFile);
            Assert.Equal(2, ledger.Imported);
        }

        Assert.Equal(0, (await cloud.People.UploadMetricsAsync()).Duplicates);
        Assert.Contains("remount its file system read-write", instance.LogText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Uploading during.csv", instance.LogText().Split("Read-only file system")[0], StringComparison.Ordinal);
    }
}
