using System.Diagnostics;
using System.Globalization;
using CloudLink.Protocol;
using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Resilience;

/// <summary>
/// SIGKILL at random moments, again and again (200 times by default; CLOUDLINK_KILLS changes it), of
/// two real agent processes: one importing CSV files that keep arriving, one backfilling a
/// database. After each kill the agent is started again. In the end the cloud must hold every file
/// and every database window exactly once, with every row once.
/// </summary>
public sealed class KillLoopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("CLOUDLINK_KILLS"), CultureInfo.InvariantCulture, out var kills) ? kills : 200;

    [SkippableOdbcFact("SQLite3")]
    public async Task Two_hundred_kills_during_csv_and_database_imports_lose_nothing_and_send_nothing_twice()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var work = new TempFolder("cloudlink-kills");
        var database = work.Combine("acd.db");
        var now = DateTime.UtcNow;
        var historyStart = now.Date.AddDays(-730);
        var rows = StatusTable.Insert(database, historyStart, now.Date, prefix: "k", idFormat: "yyyyMMddHHmm");

        var csvIntegration = await cloud.People.CreateIntegrationAsync("CSV under fire");
        var dbIntegration = await cloud.People.CreateIntegrationAsync("Database under fire", IntegrationTypes.Database);
        await cloud.People.SetDatabaseAsync(dbIntegration.Id, new DatabaseSettingsInfo
        {
            DataType = "agentstatus",
            Query = StatusTable.Query,
            TimeZone = "UTC",
            BackfillDays = 731,
            Reconciliation = false,
        });
        using var csv = new AgentInstance(cloud.BaseAddress, settleSeconds: 0.1, scanSeconds: 0.1);
        using var db = new AgentInstance(cloud.BaseAddress, name: "com.injixo.cloud-link.instance.1", odbcConnection: StatusTable.OdbcConnection(database));
        var processes = new Dictionary<AgentInstance, Process> { [csv] = csv.StartProcess(), [db] = db.StartProcess() };
        var files = new Dictionary<string, byte[]>();
        var random = new Random(7);
        var killsDuringCsv = 0;
        var killsDuringBackfill = 0;
        try
        {
            await csv.PairAsync(cloud, csvIntegration.Id);
            await db.PairAsync(cloud, dbIntegration.Id);
            foreach (var (name, content) in DeliveryTests.DropFiles(csv, count: 40, size: 512 * 1024, seed: 11))
            {
                files[name] = content;
            }

            for (var kill = 0; kill < Kills; kill++)
            {
                var target = kill % 2 == 0 ? csv : db;
                if (target == csv)
                {
                    // New exports keep arriving, some large, so that kills fall into scans, hashing and uploads.
                    for (var i = 0; i < 3; i++)
                    {
                        foreach (var (name, content) in DeliveryTests.DropFiles(csv, count: 1, size: random.Next(1, 8 * 1024 * 1024), seed: kill * 3 + i, first: 1000 + (kill * 3) + i))
                        {
                            files[name] = content;
                        }
                    }
                }

                await Task.Delay(target == csv ? random.Next(50, 600) : random.Next(150, 1200));
                if (target == csv && (await cloud.People.ReceivedAsync(csvIntegration.Id)).Count < files.Count)
                {
                    killsDuringCsv++;
                }

                if (target == db && !BackfillComplete(db))
                {
                    killsDuringBackfill++;
                }

                processes[target].Kill();
                await processes[target].WaitForExitAsync();
                processes[target].Dispose();
                processes[target] = target.StartProcess();
            }

            await DeliveryTests.AssertEachExactlyOnceAsync(cloud, csvIntegration.Id, files, csv);
            await Eventually.TrueAsync(async () => (await cloud.People.LatestRowsAsync(dbIntegration.Id)).Count >= rows, Wait, $"all {rows} database rows in the cloud");
        }
        finally
        {
            foreach (var process in processes.Values)
            {
                process.Kill();
                await process.WaitForExitAsync();
                process.Dispose();
            }
        }

        var ids = (await cloud.People.LatestRowsAsync(dbIntegration.Id)).Select(row => row[0]).ToList();
        var windows = await cloud.People.WindowsAsync(dbIntegration.Id, latest: false);
        var received = await cloud.People.ReceivedAsync(csvIntegration.Id);
        var report = $"fault report: {Kills} SIGKILLs ({killsDuringCsv} with CSV files pending, {killsDuringBackfill} during the database backfill); " +
            $"{files.Count} files dropped, {received.Count} in the cloud; {rows} rows in {windows.Count} windows; " +
            $"lost: {files.Count - received.Count + rows - ids.Distinct().Count()}, duplicates: {ids.Count - ids.Distinct().Count() + windows.Count - windows.Select(w => w.WindowKey).Distinct().Count()}";
        output.WriteLine(report);
        Console.Error.WriteLine(report);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(rows, ids.Count);
        Assert.Equal(windows.Count, windows.Select(window => window.WindowKey).Distinct().Count());
        Assert.True(killsDuringCsv >= Kills / 10, $"only {killsDuringCsv} kills with CSV files pending");
        Assert.True(killsDuringBackfill >= Kills / 20, $"only {killsDuringBackfill} kills during the backfill");
    }

    private static bool BackfillComplete(AgentInstance instance)
    {
        var checkpoint = Path.Combine(instance.Paths.StateFolder, "database.json");
        try
        {
            return File.ReadAllText(checkpoint).Contains("\"backfillComplete\":true", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
