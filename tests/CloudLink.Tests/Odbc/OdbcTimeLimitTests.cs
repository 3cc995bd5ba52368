using CloudLink.Core.Odbc;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Odbc;

/// <summary>
/// A query's time limit holds on every driver: psqlODBC honours SQL_ATTR_QUERY_TIMEOUT itself;
/// MariaDB Connector/ODBC and SQLite ignore it, and CloudLink cancels the statement. The
/// connection stays usable after.
/// </summary>
public sealed class OdbcTimeLimitTests
{
    /// <summary>How long the test waits for the error before calling the limit broken; the queries would run for ten minutes or for ever.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [PostgreSqlFact]
    public async Task PostgreSql_a_query_over_its_time_limit_is_stopped() =>
        await StopsAtItsLimit(PostgreSqlServer.ConnectionString(), "SELECT pg_sleep(600)");

    [MariaDbFact]
    public async Task MariaDb_a_query_over_its_time_limit_is_stopped_although_the_driver_ignores_the_attribute() =>
        await StopsAtItsLimit(MariaDbServer.ConnectionString(), "SELECT SLEEP(600)");

    [SkippableOdbcFact("SQLite3")]
    public async Task Sqlite_a_query_over_its_time_limit_is_stopped_although_the_driver_ignores_the_attribute()
    {
        using var folder = new TempFolder("cloudlink-limit");
        await StopsAtItsLimit($"DRIVER={{SQLite3}};Database={folder.Combine("acd.db")}",
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
    }

    private static async Task StopsAtItsLimit(string connectionString, string endlessQuery)
    {
        using var connection = OdbcConnection.Open(connectionString, TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        command.Timeout = TimeSpan.FromSeconds(2);

        var run = Task.Run(() => OdbcQuery.Run(command, endlessQuery, [], reader => reader.Read(), CancellationToken.None));
        var error = await Assert.ThrowsAsync<OdbcException>(() => run.WaitAsync(Patience));

        Assert.Contains(error.SqlState, new[] { "HYT00", "HYT01", "57014" });
        Assert.Contains("time limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, OdbcQuery.Run(command, "SELECT 1", [], reader => reader.Read() ? Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) : 0, CancellationToken.None));
    }
}
