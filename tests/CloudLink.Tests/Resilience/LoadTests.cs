using System.Diagnostics;
using System.Globalization;
using CloudLink.Protocol;
using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Resilience;

/// <summary>
/// 50 real agent processes on this host against one reference cloud, on SQLite and on PostgreSQL.
/// An instance serves one integration, so half import CSV files that keep arriving and half backfill
/// a database of their own; for a bounded time (CLOUDLINK_LOAD_SECONDS, 45 by default;
/// CLOUDLINK_LOAD_AGENTS changes the count). Then every file and row must be in the cloud exactly
/// once. The agents are the shipped native executable (CLOUDLINK_PACKAGE) where there is one. Reports
/// how long agents took from start to linked, the cloud's upload latency (p50, p99) and the agents' total RSS.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly int Agents = Setting("CLOUDLINK_LOAD_AGENTS", 50);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(Setting("CLOUDLINK_LOAD_SECONDS", 45));
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(4);

    [SkippableOdbcFact("SQLite3")]
    public Task Fifty_agents_against_a_cloud_on_SQLite_lose_nothing_and_store_nothing_twice() => RunAsync(() => CloudServer.StartAsync());

    [PostgreSqlFact]
    public Task Fifty_agents_against_a_cloud_on_PostgreSQL_lose_nothing_and_store_nothing_twice() => RunAsync(CloudServer.StartOnPostgreSqlAsync);

    private async Task RunAsync(Func<Task<CloudServer>> startCloud)
    {
        await using var cloud = await startCloud();
        using var work = new TempFolder("cloudlink-load");
        var today = DateTime.UtcNow.Date;
        var shipped = ShippedAgent(work);
        var agents = new List<LoadAgent>();
        try
        {
            for (var i = 0; i < Agents; i++)
            {
                agents.Add(await LoadAgent.CreateAsync(cloud, i, csv: i % 2 == 0, work.Combine($"acd-{i}.db"), today, shipped));
            }

            var pairing = await Task.WhenAll(agents.Select(async agent =>
            {
                await agent.Instance.PairAsync(cloud, agent.Integration.Id, agent.Process);
                return agent.Age.Elapsed;
            }));
            Array.Sort(pairing);
            var random = new Random(17);
            var csvAgents = agents.Where(agent => agent.Csv).ToList();
            var clock = Stopwatch.StartNew();
            long peakRss = 0;
            for (var drop = 0; clock.Elapsed < Duration; drop++)
            {
                var agent = csvAgents[random.Next(csvAgents.Count)];
                foreach (var (name, content) in DeliveryTests.DropFiles(agent.Instance, count: 1, size: random.Next(1, 256 * 1024), seed: drop, first: drop))
                {
                    agent.Files[name] = content;
                }

                if (drop % 20 == 0)
                {
                    peakRss = Math.Max(peakRss, agents.Sum(a => a.RssBytes()));
                }

                await Task.Delay(random.Next(20, 200));
            }

            foreach (var agent in agents)
            {
                if (agent.Csv)
                {
                    await DeliveryTests.AssertEachExactlyOnceAsync(cloud, agent.Integration.Id, agent.Files, agent.Instance);
                }
                else
                {
                    await Eventually.TrueAsync(async () => (await cloud.People.LatestRowsAsync(agent.Integration.Id)).Count >= agent.Rows, Wait,
                        $"all {agent.Rows} rows of agent {agent.Index}");
                }
            }

            peakRss = Math.Max(peakRss, agents.Sum(a => a.RssBytes()));
            var files = csvAgents.Sum(agent => agent.Files.Count);
            var rows = 0;
            var storedTwice = 0;
            foreach (var agent in agents.Where(agent => !agent.Csv))
            {
                var ids = (await cloud.People.LatestRowsAsync(agent.Integration.Id)).Select(row => row[0]).ToList();
                var windows = await cloud.People.WindowsAsync(agent.Integration.Id, latest: false);
                Assert.Equal(agent.Rows, ids.Distinct().Count());
                rows += ids.Count;
                storedTwice += ids.Count - ids.Distinct().Count() + windows.Count - windows.Select(window => window.WindowKey).Distinct().Count();
            }

            var metrics = await cloud.People.UploadMetricsAsync();
            var report = string.Create(CultureInfo.InvariantCulture,
                $"load report ({cloud.Engine}, {(shipped is null ? "the agent assembly under dotnet: CLOUDLINK_PACKAGE is not set" : "the shipped native agent")}): {Agents} agents for {Duration.TotalSeconds:0} s; " +
                $"started to linked p50 {pairing[pairing.Length / 2].TotalSeconds:0.0} s, slowest {pairing[^1].TotalSeconds:0.0} s; {files} files and {rows} database rows in {metrics.Stored} uploads; " +
                $"lost 0, stored twice {storedTwice}, re-sent (answered as already held) {metrics.Duplicates}, refused {metrics.Refused}; " +
                $"upload latency p50 {metrics.P50Milliseconds:0.0} ms, p99 {metrics.P99Milliseconds:0.0} ms, max {metrics.MaxMilliseconds:0} ms; " +
                $"agents' total RSS peak {peakRss / 1048576.0:0} MB ({peakRss / 1048576.0 / Agents:0.0} MB each)");
            output.WriteLine(report);
            Console.Error.WriteLine(report);
            Assert.Equal(0, storedTwice);
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }
        }
    }

    /// <summary>The agent as shipped (CLOUDLINK_PACKAGE), unpacked once, so 50 agents cost what 50 real ones cost; null without it.</summary>
    private static string? ShippedAgent(TempFolder work)
    {
        if (Service.SystemdServiceTests.Package is null)
        {
            return null;
        }

        Service.SystemdServiceTests.Extract(work.Combine("shipped"), "com.injixo.cloud-link", new Uri("http://127.0.0.1:9/"));
        return Path.Combine(work.Combine("shipped"), "injixo-cloud-link");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>One agent process of the load, with its integration and what it was given.</summary>
    private sealed class LoadAgent : IAsyncDisposable
    {
        private Process _process = null!;

        private LoadAgent(int index, bool csv, IntegrationInfo integration, AgentInstance instance, int rows)
        {
            (Index, Csv, Integration, Instance, Rows) = (index, csv, integration, instance, rows);
        }

        public int Index { get; }
        public bool Csv { get; }
        public IntegrationInfo Integration { get; }
        public AgentInstance Instance { get; }
        public int Rows { get; }
        public Dictionary<string, byte[]> Files { get; } = [];

        public Process Process => _process;

        /// <summary>Time since the agent process started.</summary>
        public Stopwatch Age { get; } = new();

        public static async Task<LoadAgent> CreateAsync(CloudServer cloud, int index, bool csv, string databaseFile, DateTime today, string? executable)
        {
            var name = $"com.injixo.cloud-link.load.{index}";
            if (csv)
            {
                var integration = await cloud.People.CreateIntegrationAsync($"CSV {index}");
                return Start(new LoadAgent(index, csv, integration, new AgentInstance(cloud.BaseAddress, settleSeconds: 0.2, scanSeconds: 0.5, name: name), 0), executable);
            }

            var rows = StatusTable.Insert(databaseFile, today.AddDays(-14), today, prefix: $"l{index}-", idFormat: "yyyyMMddHHmm");
            var database = await cloud.People.CreateIntegrationAsync($"Database {index}", IntegrationTypes.Database);
            await cloud.People.SetDatabaseAsync(database.Id, new DatabaseSettingsInfo
            {
                DataType = "agentstatus",
                Query = StatusTable.Query,
                TimeZone = "UTC",
                BackfillDays = 15,
                Reconciliation = false,
            });
            return Start(new LoadAgent(index, csv, database, new AgentInstance(cloud.BaseAddress, name: name, odbcConnection: StatusTable.OdbcConnection(databaseFile)), rows), executable);
        }

        private static LoadAgent Start(LoadAgent agent, string? executable)
        {
            agent.Age.Start();
            agent._process = agent.Instance.StartProcess(executable: executable);
            return agent;
        }

        /// <summary>Resident memory of the agent process now, 0 once it has gone.</summary>
        public long RssBytes() => ProcessMemory.ResidentBytes(_process.Id);

        public async ValueTask DisposeAsync()
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
            Instance.Dispose();
        }
    }
}
