using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Resilience;

/// <summary>
/// The cloud answering 500 for minutes, then not answering at all, while exports keep arriving:
/// the real agent process keeps its memory bounded, and once the cloud is back the backlog arrives
/// exactly once.
/// </summary>
public sealed class CloudOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ErrorPhase = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("CLOUDLINK_OUTAGE_SECONDS"), out var seconds) ? seconds : 90);

    [Fact]
    public async Task Minutes_of_500s_and_timeouts_hold_the_backlog_in_bounded_memory_and_deliver_it_exactly_once_after()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var gateway = new FaultyGateway(cloud.BaseAddress);
        var integration = await cloud.People.CreateIntegrationAsync("Outage");
        using var instance = new AgentInstance(gateway.Address, settleSeconds: 0.1, scanSeconds: 0.2);
        var process = instance.StartProcess();
        var peakKb = 0L;
        Dictionary<string, byte[]> files;
        try
        {
            await instance.PairAsync(cloud, integration.Id);
            gateway.Mode = GatewayMode.Error500;
            files = DeliveryTests.DropFiles(instance, count: 200, size: 256 * 1024, seed: 21);
            var until = DateTime.UtcNow + ErrorPhase;
            while (DateTime.UtcNow < until)
            {
                peakKb = Math.Max(peakKb, ProcessMemory.ResidentBytes(process.Id) / 1024);
                await Task.Delay(1000);
            }

            gateway.Mode = GatewayMode.Hang;
            for (var i = 0; i < 20; i++)
            {
                peakKb = Math.Max(peakKb, ProcessMemory.ResidentBytes(process.Id) / 1024);
                await Task.Delay(1000);
            }

            Assert.Empty(await cloud.People.ReceivedAsync(integration.Id));
            gateway.Mode = GatewayMode.Pass;
            await DeliveryTests.AssertEachExactlyOnceAsync(cloud, integration.Id, files, instance);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }

        output.WriteLine($"outage: {ErrorPhase.TotalSeconds:0} s of 500s ({gateway.Refused} requests refused) and 20 s without answers; " +
            $"agent peak RSS {peakKb / 1024} MB; {files.Count} files delivered once afterwards");
        Assert.True(gateway.Refused >= 5, $"only {gateway.Refused} requests reached the failing cloud");
        Assert.True(peakKb < 200 * 1024, $"the agent grew to {peakKb / 1024} MB while the cloud was down");
        Assert.Contains("500", instance.LogText(), StringComparison.Ordinal);
    }
}
