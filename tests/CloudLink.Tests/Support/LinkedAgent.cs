using CloudLink.Protocol;

namespace CloudLink.Tests.Support;

/// <summary>A running cloud with one integration and an in-process agent already paired to it.</summary>
public sealed class LinkedAgent : IAsyncDisposable
{
    private LinkedAgent(CloudServer cloud, IntegrationInfo integration, AgentInstance instance, RunningAgent agent)
    {
        Cloud = cloud;
        Integration = integration;
        Instance = instance;
        Agent = agent;
    }

    public CloudServer Cloud { get; }
    public IntegrationInfo Integration { get; }
    public AgentInstance Instance { get; }
    public RunningAgent Agent { get; }

    public static async Task<LinkedAgent> StartAsync(double settleSeconds = 0.3, double scanSeconds = 0.2)
    {
        var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        var instance = new AgentInstance(cloud.BaseAddress, settleSeconds, scanSeconds);
        var agent = instance.StartInProcess();
        await instance.PairAsync(cloud, integration.Id);
        return new LinkedAgent(cloud, integration, instance, agent);
    }

    /// <summary>Waits until the integration has received at least <paramref name="count"/> files and returns them.</summary>
    public async Task<List<ReceivedFileInfo>> ReceivedAtLeastAsync(int count, TimeSpan? timeout = null)
    {
        List<ReceivedFileInfo> received = [];
        await Eventually.TrueAsync(
            async () => (received = await Cloud.People.ReceivedAsync(Integration.Id)).Count >= count,
            timeout ?? TimeSpan.FromSeconds(30), $"{count} file(s) in the cloud");
        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        Instance.Dispose();
        await Cloud.DisposeAsync();
    }
}
