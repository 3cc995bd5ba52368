using System.Globalization;
using CloudLink.Core.Database;
using CloudLink.Protocol;
using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CloudLink.Tests.Database;

/// <summary>
/// The scheduled database import end to end: a real SQLite database read through the SQLite ODBC
/// driver by the in-process agent (its clock injected), uploading to the real cloud over HTTP.
/// </summary>
public sealed class DatabaseImportTests : IDisposable
{
    private const string Query = StatusTable.Query;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly System.Text.Json.JsonSerializerOptions StateJson = new(System.Text.Json.JsonSerializerDefaults.Web);
    private readonly TempFolder _folder = new("cloudlink-db");

    private string DatabaseFile => _folder.Combine("acd.db");

    private string Connection => StatusTable.OdbcConnection(DatabaseFile);

    private void InsertRows(DateTime from, DateTime to, string prefix = "a", string activity = "ready") =>
        StatusTable.Insert(DatabaseFile, from, to, prefix, activity);

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DatabaseSettingsInfo AgentStatus(string timeZone, int backfillDays, bool? reconciliation = null, bool realTime = false, string query = Query) => new()
    {
        DataType = "agentstatus",
        Query = query,
        TimeZone = timeZone,
        BackfillDays = backfillDays,
        Reconciliation = reconciliation,
        RealTime = realTime,
    };

    /// <summary>A cloud with a database integration set up as given, and an agent instance (not yet started) reading this test's database.</summary>
    private async Task<Scenario> SetUpAsync(DatabaseSettingsInfo settings)
    {
        var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD agent status", IntegrationTypes.Database);
        await cloud.People.SetDatabaseAsync(integration.Id, settings);
        return new Scenario(cloud, integration, new AgentInstance(cloud.BaseAddress, odbcConnection: Connection));
    }

    private sealed record Scenario(CloudServer Cloud, IntegrationInfo Integration, AgentInstance Instance) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Instance.Dispose();
            await Cloud.DisposeAsync();
        }
    }

    private static async Task<DatabaseCheckpoint> WaitForCheckpointAsync(AgentInstance instance, Func<DatabaseCheckpoint, bool> reached, string what)
    {
        var file = Path.Combine(instance.Paths.StateFolder, "database.json");
        return await Eventually.GetAsync(() =>
        {
            try
            {
                var checkpoint = System.Text.Json.JsonSerializer.Deserialize<DatabaseCheckpoint>(File.ReadAllText(file), StateJson);
                return Task.FromResult(checkpoint is not null && reached(checkpoint) ? checkpoint : null);
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
            {
                return Task.FromResult<DatabaseCheckpoint?>(null);
            }
        }, Wait, what);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task History_across_the_autumn_clock_change_arrives_with_every_row_exactly_once()
    {
        // 2026-10-25 in Berlin: 03:00 CEST becomes 02:00 CET. Rows every 10 minutes, and the repeated hour twice.
        InsertRows(new DateTime(2026, 10, 23, 14, 0, 0), new DateTime(2026, 10, 26, 13, 0, 0));
        InsertRows(new DateTime(2026, 10, 25, 2, 0, 0), new DateTime(2026, 10, 25, 3, 0, 0), prefix: "second");
        await using var scenario = await SetUpAsync(AgentStatus("Europe/Berlin", 3, reconciliation: false));
        var (cloud, integration, instance) = scenario;
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero));

        await using (instance.StartInProcess(clock))
        {
            await instance.PairAsync(cloud, integration.Id);
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 10, 26, 13, 0, 0), "the import to reach 13:00 local");
        }

        var rows = await cloud.People.LatestRowsAsync(integration.Id);
        // 71 hours of rows every 10 minutes, and the 6 rows of the repeated hour's second reading.
        var ids = rows.Select(row => row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("second10250200", ids);
        Assert.Contains("a10250200", ids);
        Assert.Equal((71 * 6) + 6, ids.Count);
        var windows = await cloud.People.WindowsAsync(integration.Id, latest: false);
        Assert.Equal(windows.Count, windows.Select(window => window.WindowKey).Distinct().Count());
        Assert.Contains(windows, window => window.WindowKey == "agentstatus:2026-10-25T00:00/2026-10-25T13:00" && window.Rows == (13 * 6) + 6);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task Live_windows_across_the_clock_change_read_the_repeated_hour_once_after_its_second_reading()
    {
        InsertRows(new DateTime(2026, 10, 24, 12, 0, 0), new DateTime(2026, 10, 25, 6, 0, 0));
        InsertRows(new DateTime(2026, 10, 25, 2, 0, 0), new DateTime(2026, 10, 25, 3, 0, 0), prefix: "second");
        await using var scenario = await SetUpAsync(AgentStatus("Europe/Berlin", 1, reconciliation: false));
        var (cloud, integration, instance) = scenario;
        // 00:40 UTC is 02:40 local in the first reading of the repeated hour.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 10, 25, 0, 40, 0, TimeSpan.Zero));

        await using (instance.StartInProcess(clock))
        {
            await instance.PairAsync(cloud, integration.Id);
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 10, 25, 2, 0, 0), "the windows up to 02:00");
            await Task.Delay(1000);
            Assert.DoesNotContain(await cloud.People.WindowsAsync(integration.Id, latest: false), window => window.From == "2026-10-25T02:00");

            clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(25));
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 10, 25, 3, 0, 0), "the repeated hour after its second reading");
        }

        var windows = await cloud.People.WindowsAsync(integration.Id, latest: false);
        Assert.Equal([4L, 2L, 4L, 2L], windows.Where(window => window.From.StartsWith("2026-10-25T02:", StringComparison.Ordinal)).Select(window => window.Rows));
        var ids = (await cloud.People.LatestRowsAsync(integration.Id)).Select(row => row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static async Task AssertEachRowOnceAndEachWindowOnceAsync(CloudServer cloud, long integrationId, int expectedRows)
    {
        var ids = (await cloud.People.LatestRowsAsync(integrationId)).Select(row => row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expectedRows, ids.Count);
        var windows = await cloud.People.WindowsAsync(integrationId, latest: false);
        Assert.Equal(windows.Count, windows.Select(window => window.WindowKey).Distinct().Count());
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task A_backfill_interrupted_midway_resumes_where_it_stopped()
    {
        var now = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        InsertRows(new DateTime(2026, 10, 1, 12, 0, 0), new DateTime(2026, 11, 10, 12, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 40, reconciliation: false));
        var (cloud, integration, instance) = scenario;

        await using (instance.StartInProcess(new ManualTimeProvider(now), databaseWindowsPerPass: 2))
        {
            await instance.PairAsync(cloud, integration.Id);
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next >= new DateTime(2026, 10, 12, 0, 0, 0), "the backfill to be under way");
        }

        var stoppedAt = (await cloud.People.WindowsAsync(integration.Id, latest: false)).Count;
        Assert.InRange(stoppedAt, 10, 38);
        Assert.Contains("Backfill: read up to", instance.LogText(), StringComparison.Ordinal);

        await using (instance.StartInProcess(new ManualTimeProvider(now), databaseWindowsPerPass: 2))
        {
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 12, 0, 0), "the import to finish");
        }

        await AssertEachRowOnceAndEachWindowOnceAsync(cloud, integration.Id, 40 * 24 * 6);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task A_damaged_checkpoint_is_read_from_its_copy_and_nothing_is_sent_again()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));
        InsertRows(new DateTime(2026, 11, 7, 12, 0, 0), new DateTime(2026, 11, 10, 13, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 3, reconciliation: false));
        var (cloud, integration, instance) = scenario;
        var checkpointFile = Path.Combine(instance.Paths.StateFolder, "database.json");
        await using (instance.StartInProcess(clock))
        {
            await instance.PairAsync(cloud, integration.Id);
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 12, 0, 0), "the import to reach 12:00");
        }

        var before = await cloud.People.UploadMetricsAsync();
        var content = File.ReadAllBytes(checkpointFile);
        File.WriteAllBytes(checkpointFile, content[..(content.Length / 2)]);
        clock.Advance(TimeSpan.FromMinutes(30));
        await using (instance.StartInProcess(clock))
        {
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 12, 30, 0), "the import to reach 12:30");
        }

        var after = await cloud.People.UploadMetricsAsync();
        Assert.Contains("database.json was damaged", instance.LogText(), StringComparison.Ordinal);
        Assert.Equal(0, after.Duplicates);
        Assert.Equal(before.Stored + 2, after.Stored);
        await AssertEachRowOnceAndEachWindowOnceAsync(cloud, integration.Id, (3 * 24 * 6) + 3);
    }

    [SkippableOdbcTheory("SQLite3")]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_usable_checkpoint_the_position_is_rebuilt_from_the_cloud_and_nothing_is_sent_twice(bool deleted)
    {
        var now = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        InsertRows(new DateTime(2026, 10, 1, 12, 0, 0), new DateTime(2026, 11, 10, 12, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 40, reconciliation: false));
        var (cloud, integration, instance) = scenario;
        var checkpointFile = Path.Combine(instance.Paths.StateFolder, "database.json");
        await using (instance.StartInProcess(new ManualTimeProvider(now), databaseWindowsPerPass: 2))
        {
            await instance.PairAsync(cloud, integration.Id);
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next >= new DateTime(2026, 10, 12, 0, 0, 0), "the backfill to be under way");
        }

        foreach (var file in new[] { checkpointFile, checkpointFile + ".bak" })
        {
            if (deleted)
            {
                File.Delete(file);
            }
            else
            {
                File.WriteAllText(file, "{\"version\":1,\"integrationId\":");
            }
        }

        await using (instance.StartInProcess(new ManualTimeProvider(now), databaseWindowsPerPass: 2))
        {
            await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 12, 0, 0), "the import to finish");
        }

        Assert.Contains("The cloud holds", instance.LogText(), StringComparison.Ordinal);
        Assert.Equal(!deleted, Directory.EnumerateFiles(instance.Paths.StateFolder, "database.json.damaged-*").Any());
        Assert.Equal(0, (await cloud.People.UploadMetricsAsync()).Duplicates);
        await AssertEachRowOnceAndEachWindowOnceAsync(cloud, integration.Id, 40 * 24 * 6);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task Nothing_is_read_while_paused_and_the_gap_is_imported_on_resume()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));
        InsertRows(new DateTime(2026, 11, 9, 12, 0, 0), new DateTime(2026, 11, 10, 12, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 1, reconciliation: false));
        var (cloud, integration, instance) = scenario;
        await using var agent = instance.StartInProcess(clock);
        await instance.PairAsync(cloud, integration.Id);
        await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 12, 0, 0), "the first import");

        await cloud.People.PauseAsync(integration.Id, paused: true);
        await WaitForCheckpointAsync(instance, checkpoint => checkpoint.PausedAt is not null, "the agent to see the pause");
        InsertRows(new DateTime(2026, 11, 10, 12, 0, 0), new DateTime(2026, 11, 10, 14, 0, 0), prefix: "gap");
        clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(1500);
        Assert.DoesNotContain(await cloud.People.WindowsAsync(integration.Id, latest: false), window => window.From.StartsWith("2026-11-10T12", StringComparison.Ordinal));

        await cloud.People.PauseAsync(integration.Id, paused: false);
        await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 14, 0, 0), "the gap to be imported");

        await AssertEachRowOnceAndEachWindowOnceAsync(cloud, integration.Id, 26 * 6);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task Reconciliation_brings_a_corrected_row_of_the_last_24_hours_to_the_cloud()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));
        InsertRows(new DateTime(2026, 11, 9, 12, 0, 0), new DateTime(2026, 11, 10, 12, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 1));
        var (cloud, integration, instance) = scenario;
        await using var agent = instance.StartInProcess(clock);
        await instance.PairAsync(cloud, integration.Id);
        await WaitForCheckpointAsync(instance, checkpoint => checkpoint.ReconciledUntil == new DateTime(2026, 11, 10, 12, 0, 0), "the first run and its reconciliation");
        var before = (await cloud.People.WindowsAsync(integration.Id, latest: false)).Count;

        Execute("UPDATE status SET activity = 'break' WHERE agent = 'a11100310'");
        clock.Advance(TimeSpan.FromMinutes(15));
        await WaitForCheckpointAsync(instance, checkpoint => checkpoint.ReconciledUntil == new DateTime(2026, 11, 10, 12, 15, 0), "the next reconciliation");

        // The new quarter hour, and a second version of the corrected window; the other 95 are unchanged and not sent again.
        var windows = await cloud.People.WindowsAsync(integration.Id, latest: false);
        Assert.Equal(before + 2, windows.Count);
        Assert.Equal(2, windows.Count(window => window.WindowKey == "agentstatus:2026-11-10T03:00/2026-11-10T03:15"));
        var corrected = Assert.Single(await cloud.People.WindowsAsync(integration.Id, latest: true), window => window.WindowKey == "agentstatus:2026-11-10T03:00/2026-11-10T03:15");
        Assert.Contains("a11100310,2026-11-10 03:10:00,2026-11-10 03:20:00,break", await cloud.People.WindowContentAsync(corrected.Id), StringComparison.Ordinal);
        var ids = (await cloud.People.LatestRowsAsync(integration.Id)).Select(row => row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task A_period_asked_for_again_is_read_again_and_its_corrected_row_reaches_the_cloud()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));
        InsertRows(new DateTime(2026, 11, 7, 12, 0, 0), new DateTime(2026, 11, 10, 12, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 3, reconciliation: false));
        var (cloud, integration, instance) = scenario;
        await using var agent = instance.StartInProcess(clock);
        await instance.PairAsync(cloud, integration.Id);
        await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 12, 0, 0), "the first import");

        // Two days back (read as a history chunk) and yesterday evening (read in 15-minute windows), outside any
        // reconciliation: only the operator's request reads them again, in the windows of their first reading.
        Execute("UPDATE status SET activity = 'break' WHERE agent IN ('a11080310', 'a11092000')");
        var requests = new RereadRequests(instance.Paths);
        requests.Add(new DateTime(2026, 11, 8, 3, 5, 0), new DateTime(2026, 11, 8, 3, 40, 0));
        requests.Add(new DateTime(2026, 11, 9, 20, 0, 0), new DateTime(2026, 11, 9, 20, 15, 0));
        clock.Advance(TimeSpan.FromMinutes(15));
        await Eventually.GetAsync(() => Task.FromResult(File.Exists(requests.FilePath) ? null : "done"), Wait, "the periods to be read again");

        var versions = await cloud.People.WindowsAsync(integration.Id, latest: false);
        foreach (var (key, row) in new[]
        {
            ("agentstatus:2026-11-08T00:00/2026-11-09T00:00", "a11080310,2026-11-08 03:10:00,2026-11-08 03:20:00,break"),
            ("agentstatus:2026-11-09T20:00/2026-11-09T20:15", "a11092000,2026-11-09 20:00:00,2026-11-09 20:10:00,break"),
        })
        {
            Assert.Equal(2, versions.Count(window => window.WindowKey == key));
            var latest = Assert.Single(await cloud.People.WindowsAsync(integration.Id, latest: true), window => window.WindowKey == key);
            Assert.Contains(row, await cloud.People.WindowContentAsync(latest.Id), StringComparison.Ordinal);
        }

        var ids = (await cloud.People.LatestRowsAsync(integration.Id)).Select(row => row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(3 * 24 * 6, ids.Count);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task A_query_without_the_required_columns_is_refused_with_the_list_of_what_is_missing()
    {
        InsertRows(new DateTime(2026, 11, 9, 12, 0, 0), new DateTime(2026, 11, 9, 13, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 1, query: "SELECT agent AS agentidentifier, start AS starttime FROM status"));
        var (cloud, integration, instance) = scenario;
        await using var agent = instance.StartInProcess(new ManualTimeProvider(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero)));
        await instance.PairAsync(cloud, integration.Id);

        await Eventually.TrueAsync(() => instance.LogText().Contains("lacks the column(s) endtime, activity", StringComparison.Ordinal), Wait, "the refusal in the log");
        Assert.Empty(await cloud.People.WindowsAsync(integration.Id, latest: false));
        agent.AssertRunning();
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task With_the_agent_killed_and_restarted_mid_import_no_window_is_stored_twice_and_no_row_lost()
    {
        var now = DateTime.UtcNow;
        var start = WindowClock.Align(now - TimeSpan.FromHours(48), WindowClock.Grain);
        InsertRows(start, WindowClock.Align(now, WindowClock.Grain));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 2));
        var (cloud, integration, instance) = scenario;
        var process = instance.StartProcess();
        DateTime next;
        try
        {
            await instance.PairAsync(cloud, integration.Id);
            var random = new Random(5);
            var killsMidRun = 0;
            for (var round = 1; round <= 3; round++)
            {
                await Eventually.TrueAsync(async () => (await cloud.People.WindowsAsync(integration.Id, latest: false)).Count >= round * 20, Wait, $"windows before kill {round}");
                await Task.Delay(random.Next(0, 30));
                process.Kill();
                await process.WaitForExitAsync();
                process.Dispose();
                killsMidRun += (await cloud.People.WindowsAsync(integration.Id, latest: false)).Count < 90 ? 1 : 0;
                process = instance.StartProcess();
            }

            var expectedNext = WindowClock.Align(DateTime.UtcNow - TimeSpan.FromMinutes(1), WindowClock.Grain);
            next = (await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next >= expectedNext, "the import to catch up")).Next;
            Assert.True(killsMidRun >= 2, $"only {killsMidRun} kills fell in the middle of the import");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }

        var ids = (await cloud.People.LatestRowsAsync(integration.Id)).Select(row => row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((int)Math.Ceiling((next - start).TotalMinutes / 10), ids.Count);
        var windows = await cloud.People.WindowsAsync(integration.Id, latest: false);
        Assert.Equal(windows.Count, windows.Select(window => window.WindowKey).Distinct().Count());
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task Agent_status_in_real_time_sends_the_open_window_every_ten_seconds_and_verbose_logs_rows()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 10, 12, 3, 0, TimeSpan.Zero));
        InsertRows(new DateTime(2026, 11, 10, 10, 0, 0), new DateTime(2026, 11, 10, 12, 0, 0));
        await using var scenario = await SetUpAsync(AgentStatus("UTC", 1, realTime: true, reconciliation: false));
        var (cloud, integration, instance) = scenario;
        CloudLink.Core.Config.ConfigFile.Set(instance.Paths, "app.verbose", true);
        await using var agent = instance.StartInProcess(clock);
        await instance.PairAsync(cloud, integration.Id);
        await WaitForCheckpointAsync(instance, checkpoint => checkpoint.Next == new DateTime(2026, 11, 10, 12, 0, 0), "the import up to 12:00");

        Execute("INSERT INTO status VALUES ('live1', '2026-11-10 12:01:00', NULL, 'talk')");
        clock.Advance(TimeSpan.FromSeconds(11));
        await Eventually.TrueAsync(async () => (await cloud.People.LatestRowsAsync(integration.Id)).Any(row => row[0] == "live1"), Wait, "the open window with the new row");

        var open = Assert.Single(await cloud.People.WindowsAsync(integration.Id, latest: true), window => window.WindowKey == "agentstatus:2026-11-10T12:00/2026-11-10T12:15");
        Assert.Contains("live1,2026-11-10 12:01:00,,talk", await cloud.People.WindowContentAsync(open.Id), StringComparison.Ordinal);
        var log = instance.LogText();
        Assert.Contains("Query for agentstatus 2026-11-10 11:45 to 2026-11-10 12:00: 1 row(s).", log, StringComparison.Ordinal);
        Assert.Contains("a11101150 | 2026-11-10 11:50:00 | 2026-11-10 12:00:00 | ready", log, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
