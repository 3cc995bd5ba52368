using System.Globalization;
using System.Net.Http.Json;
using CloudLink.Protocol;
using CloudLink.Tests.Agent;
using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Security;

/// <summary>
/// Operator approval of SQL (queryApproval = "local"), end to end with the reference cloud and a
/// real agent process: the query set in the cloud waits and nothing is read; 'query approve' shows
/// it with the hash the cloud records and approves it through the running agent; a changed query
/// waits again until it too is approved.
/// </summary>
public sealed class QueryApprovalTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly TempFolder _folder = new("cloudlink-approval");

    [SkippableOdbcFact("SQLite3")]
    public async Task A_query_from_the_cloud_runs_only_once_approved_here_and_a_changed_one_waits_again()
    {
        var database = _folder.Combine("acd.db");
        var now = DateTime.UtcNow;
        StatusTable.Insert(database, now.Date.AddDays(-1), now.Date.AddHours(now.Hour));
        const string second = "SELECT agent || '-v2' AS agentidentifier, start AS starttime, stop AS endtime, activity FROM status";
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD agent status", IntegrationTypes.Database);
        await cloud.People.SetDatabaseAsync(integration.Id, StatusTable.Settings(StatusTable.Query));
        using var instance = new AgentInstance(cloud.BaseAddress, odbcConnection: StatusTable.OdbcConnection(database));
        Assert.Equal(0, (await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "config", "set", "database.queryApproval", "local")).ExitCode);
        using var agent = instance.StartProcess();
        try
        {
            await instance.PairAsync(cloud, integration.Id);
            var first = QueryHash.Of(StatusTable.Query);
            await Eventually.TrueAsync(() => instance.LogText().Contains($"query (SHA-256 {first}) waits for approval", StringComparison.Ordinal), Wait, "the agent to hold the query back");
            var status = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "status");
            Assert.Contains($"Query:          SHA-256 {first}, waits for approval", status.Output, StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(2)); // passes of the agent go by: still nothing is read
            Assert.Empty(await cloud.People.WindowsAsync(integration.Id, latest: false));
            var recorded = (await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}", ProtocolJson.Default.IntegrationInfo))!.Database!.QuerySha256;
            Assert.Equal(recorded, first);

            var refused = await CommandLineTests.RunAgentAsync(new Dictionary<string, string>(), "no\n", "--config", instance.ConfigFile, "query", "approve");
            Assert.Equal(1, refused.ExitCode);
            var approved = await CommandLineTests.RunAgentAsync(new Dictionary<string, string>(), "yes\n", "--config", instance.ConfigFile, "query", "approve");
            Assert.Equal(0, approved.ExitCode);
            Assert.Contains(StatusTable.Query, approved.Output, StringComparison.Ordinal);
            Assert.Contains($"SHA-256 {first}", approved.Output, StringComparison.Ordinal);
            await Eventually.TrueAsync(async () => (await cloud.People.LatestRowsAsync(integration.Id)).Count > 0, Wait, "the approved query's rows");
            Assert.Contains("was approved by", instance.LogText(), StringComparison.Ordinal);

            await cloud.People.SetDatabaseAsync(integration.Id, StatusTable.Settings(second));
            var changed = QueryHash.Of(second);
            await Eventually.TrueAsync(() => instance.LogText().Contains($"query (SHA-256 {changed}) waits for approval", StringComparison.Ordinal), Wait, "the changed query to wait");
            var from = now.Date.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            var to = now.Date.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            Assert.Equal(0, (await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "import", "--from", from, "--to", to)).ExitCode);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.DoesNotContain(await cloud.People.LatestRowsAsync(integration.Id), row => row[0].EndsWith("-v2", StringComparison.Ordinal));

            var stale = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "query", "approve", "--sha256", first, "--yes");
            Assert.Equal(2, stale.ExitCode);
            Assert.Contains($"has SHA-256 {changed}, not {first}", stale.Error, StringComparison.Ordinal);
            Assert.Equal(0, (await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "query", "approve", "--sha256", changed, "--yes")).ExitCode);
            await Eventually.TrueAsync(async () => (await cloud.People.LatestRowsAsync(integration.Id)).Any(row => row[0].EndsWith("-v2", StringComparison.Ordinal)), Wait,
                "the changed query's rows once approved");
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
        }
    }

    public void Dispose() => _folder.Dispose();
}
