using CloudLink.Protocol;

namespace CloudLink.Tests.Support;

/// <summary>
/// Interval data from a real database into the reference cloud: a database integration with the
/// query (UTC, two days of history, 30-minute cadence) and an agent reading the connection, until
/// the cloud holds the 288 rows that the tests' tables hold (96 quarter hours, 3 queues).
/// </summary>
internal static class IntervalImport
{
    public const int Rows = 288;

    /// <summary>The rows the cloud received, and the CSV of its first window.</summary>
    public static async Task<(List<string[]> Rows, string FirstWindow)> RunAsync(string name, string odbcConnection, string query)
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync(name, IntegrationTypes.Database);
        await cloud.People.SetDatabaseAsync(integration.Id, new DatabaseSettingsInfo
        {
            DataType = "interval",
            Query = query,
            TimeZone = "UTC",
            BackfillDays = 2,
            IntervalMinutes = 30,
        });
        using var instance = new AgentInstance(cloud.BaseAddress, odbcConnection: odbcConnection);
        await using (instance.StartInProcess(new ManualTimeProvider(new DateTimeOffset(2026, 11, 10, 12, 10, 0, TimeSpan.Zero))))
        {
            await instance.PairAsync(cloud, integration.Id);
            await Eventually.TrueAsync(async () => (await cloud.People.LatestRowsAsync(integration.Id)).Count == Rows, TimeSpan.FromSeconds(60), $"all {Rows} interval rows");
        }

        var first = (await cloud.People.WindowsAsync(integration.Id, latest: true))[0];
        return (await cloud.People.LatestRowsAsync(integration.Id), await cloud.People.WindowContentAsync(first.Id));
    }
}
