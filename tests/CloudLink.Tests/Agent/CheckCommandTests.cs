using System.Net;
using System.Net.Sockets;
using CloudLink.Core.Checks;
using CloudLink.Protocol;
using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Agent;

/// <summary>
/// 'injixo-cloud-link check' of the real executable against the reference cloud and a SQLite
/// database through the SQLite3 ODBC driver: a healthy instance passes (exit 0) and each problem it
/// detects is reported on its own line with the fix (exit 10 when one failed).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CheckCommandTests : IDisposable
{
    private const string Activity = "SELECT agent AS agentidentifier, start AS starttime, stop AS endtime, activity FROM status";
    private readonly TempFolder _folder = new("cloudlink-check");

    [SkippableOdbcFact("SQLite3")]
    public async Task A_linked_instance_passes_and_a_query_that_lacks_columns_a_query_waiting_for_approval_and_a_revoked_link_are_reported()
    {
        var database = _folder.Combine("acd.db");
        var start = DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour).AddHours(-3);
        var rows = StatusTable.Insert(database, start, start.AddHours(1));
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD agent status", IntegrationTypes.Database);
        await cloud.People.SetDatabaseAsync(integration.Id, StatusTable.Settings(Activity));
        using var instance = new AgentInstance(cloud.BaseAddress, odbcConnection: StatusTable.OdbcConnection(database));
        long agentId;
        await using (instance.StartInProcess())
        {
            agentId = await instance.PairAsync(cloud, integration.Id);
        }

        var healthy = await CheckAsync(instance);
        Assert.True(healthy.ExitCode == 0, healthy.Output + healthy.Error);
        Assert.Equal(CheckStatus.Ok, Line(healthy, "config").Status);
        Assert.Equal(CheckStatus.Ok, Line(healthy, "files").Status);
        Assert.Equal(CheckStatus.Ok, Line(healthy, "import folder").Status);
        Assert.Equal(CheckStatus.Ok, Line(healthy, "proxy").Status);
        Assert.Equal(CheckStatus.Ok, Line(healthy, "cloud").Status);
        Assert.Contains($"integration {integration.Id}", Line(healthy, "link").Detail, StringComparison.Ordinal);
        Assert.Contains("SQLite", Line(healthy, "database").Detail, StringComparison.Ordinal);
        Assert.Contains($"SHA-256 {QueryHash.Of(Activity)}", Line(healthy, "approval").Detail, StringComparison.Ordinal);
        Assert.StartsWith($"{rows} row(s) of agentstatus data", Line(healthy, "query").Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Warning, Line(healthy, "service").Status);
        var text = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "check");
        Assert.Equal(0, text.ExitCode);
        Assert.Matches(@"(?m)^ok\s+query\s+6 row\(s\)", text.Output);
        Assert.Matches(@"(?m)^warning\s+service\s+This instance is not installed as a service\.\s*\n\s+Fix: Install it with", text.Output);

        await cloud.People.SetDatabaseAsync(integration.Id, StatusTable.Settings("SELECT agent AS agentidentifier, start AS starttime FROM status"));
        var lacking = await CheckAsync(instance);
        Assert.Equal(10, lacking.ExitCode);
        var query = Line(lacking, "query");
        Assert.Equal(CheckStatus.Failed, query.Status);
        Assert.Contains("endtime", query.Detail, StringComparison.Ordinal);
        Assert.Contains("query", query.Fix, StringComparison.Ordinal);

        Assert.Equal(0, (await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "config", "set", "database.queryApproval", "local")).ExitCode);
        var before = File.GetLastWriteTimeUtc(instance.Paths.StateFolder);
        var waiting = await CheckAsync(instance);
        Assert.Equal(0, waiting.ExitCode);
        var approval = Line(waiting, "approval");
        Assert.Equal(CheckStatus.Warning, approval.Status);
        Assert.Contains("waits for approval", approval.Detail, StringComparison.Ordinal);
        Assert.Contains("query approve", approval.Fix, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Skipped, Line(waiting, "query").Status);
        Assert.Equal(before, File.GetLastWriteTimeUtc(instance.Paths.StateFolder));

        await cloud.People.RevokeAgentAsync(agentId);
        var revoked = await CheckAsync(instance);
        Assert.Equal(10, revoked.ExitCode);
        var link = Line(revoked, "link");
        Assert.Equal(CheckStatus.Failed, link.Status);
        Assert.Contains("no longer accepts", link.Detail, StringComparison.Ordinal);
        Assert.True(instance.Credentials() is { Linked: true }, "check must not discard the credential");
    }

    [Fact]
    public async Task An_invalid_config_fails_naming_its_line_and_skips_the_rest()
    {
        using var instance = new AgentInstance(new Uri("https://cloud.example"));
        await File.AppendAllTextAsync(instance.ConfigFile, "[csv]\nsettleSeconds = \"soon\"\n");
        var result = await CheckAsync(instance);
        Assert.Equal(10, result.ExitCode);
        var config = Line(result, "config");
        Assert.Equal(CheckStatus.Failed, config.Status);
        Assert.Contains(instance.ConfigFile, config.Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Skipped, Line(result, "the rest").Status);
        Assert.Equal(2, result.Lines.Count);
    }

    [Fact]
    public async Task A_config_others_can_write_fails_naming_the_path_and_the_fix()
    {
        using var instance = new AgentInstance(ClosedPort());
        File.SetUnixFileMode(instance.ConfigFile, (UnixFileMode)0b110_110_110);
        var files = Line(await CheckAsync(instance), "files");
        Assert.Equal(CheckStatus.Failed, files.Status);
        Assert.Contains(instance.ConfigFile, files.Detail, StringComparison.Ordinal);
        Assert.Contains("chmod", files.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_import_folder_fails()
    {
        using var instance = new AgentInstance(ClosedPort());
        Directory.Delete(instance.ImportFolder);
        var result = await CheckAsync(instance);
        Assert.Equal(10, result.ExitCode);
        var folder = Line(result, "import folder");
        Assert.Equal(CheckStatus.Failed, folder.Status);
        Assert.Contains($"{instance.ImportFolder} does not exist", folder.Detail, StringComparison.Ordinal);
        Assert.Contains("app.importDirectory", folder.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_without_a_scheme_fails_without_printing_its_password()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        var result = await CheckAsync(instance, new Dictionary<string, string> { ["HTTPS_PROXY"] = "ops:Hunter2@proxy.example:3128" });
        var proxy = Line(result, "proxy");
        Assert.Equal(CheckStatus.Failed, proxy.Status);
        Assert.Contains("HTTPS_PROXY", proxy.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Ok, Line(result, "cloud").Status);
    }

    [Fact]
    public async Task An_unreachable_cloud_fails_and_the_link_is_reported_as_missing()
    {
        using var instance = new AgentInstance(ClosedPort());
        var result = await CheckAsync(instance);
        Assert.Equal(10, result.ExitCode);
        var line = Line(result, "cloud");
        Assert.Equal(CheckStatus.Failed, line.Status);
        Assert.Contains(instance.LoadConfig().CloudUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Warning, Line(result, "link").Status);
        Assert.Equal(CheckStatus.Skipped, Line(result, "query").Status);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task A_database_that_cannot_be_opened_fails_without_printing_its_password()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress, odbcConnection: "DRIVER={No Such Driver};Server=db.example;PWD=Hunter2");
        var result = await CheckAsync(instance);
        Assert.Equal(10, result.ExitCode);
        var line = Line(result, "database");
        Assert.Equal(CheckStatus.Failed, line.Status);
        Assert.Contains("odbcinst", line.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", result.Output + result.Error, StringComparison.Ordinal);
    }

    private static async Task<CheckRun> CheckAsync(AgentInstance instance, IDictionary<string, string>? environment = null)
    {
        var (code, output, error) = await CommandLineTests.RunAgentAsync(environment ?? new Dictionary<string, string>(), null, "--config", instance.ConfigFile, "check", "--json");
        return new CheckRun(code, output, error, CheckResult.FromJson(output));
    }

    private static CheckResult Line(CheckRun run, string name) =>
        run.Lines.SingleOrDefault(line => line.Name == name) ?? throw new Xunit.Sdk.XunitException($"No '{name}' line in:\n{run.Output}\n{run.Error}");

    public void Dispose() => _folder.Dispose();

    private sealed record CheckRun(int ExitCode, string Output, string Error, List<CheckResult> Lines);

    /// <summary>A loopback address nothing listens on (the port was bound, then released).</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }
}
