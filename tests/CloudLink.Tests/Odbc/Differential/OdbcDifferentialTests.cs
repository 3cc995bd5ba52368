using System.Globalization;
using Xunit.Abstractions;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>
/// CloudLink's ODBC reader against System.Data.Odbc (the oracle) and the database's own client
/// (the expected value) on generated tables of every mapped type: 0 disagreements allowed. Where
/// System.Data.Odbc is the one that is wrong for a known reason, the run says so and holds
/// CloudLink to the client. CLOUDLINK_ODBC_SEED replays a run; CLOUDLINK_ODBC_ROWS sizes it.
/// </summary>
public sealed class OdbcDifferentialTests(ITestOutputHelper output)
{
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CLOUDLINK_ODBC_SEED"), CultureInfo.InvariantCulture, out var seed)
        ? seed
        : Random.Shared.Next();

    private static int Rows => int.TryParse(Environment.GetEnvironmentVariable("CLOUDLINK_ODBC_ROWS"), CultureInfo.InvariantCulture, out var rows) ? rows : 10_000;

    [PostgreSqlFact]
    public void PostgreSql_values_read_by_CloudLink_equal_what_psql_prints() => Check(new PostgreSqlDifferential());

    [MariaDbFact]
    public void MariaDb_values_read_by_CloudLink_equal_what_the_mariadb_client_prints() => Check(new MariaDbDifferential());

    [SkippableOdbcFact("SQLite3")]
    public void Sqlite_values_read_by_CloudLink_equal_what_sqlite3_prints() => Check(new SqliteDifferential());

    [Fact(Skip = "No SQL Server runs on this machine (Microsoft ships no server for Debian 12 here); FreeTDS (tdsodbc) is installed, so a server reachable through it is all this needs.")]
    public void SqlServer_through_FreeTDS_values_read_by_CloudLink_equal_what_the_server_holds()
    {
    }

    private void Check(DifferentialDatabase database)
    {
        using (database)
        {
            var report = DifferentialRun.Run(database, Seed, Rows);
            output.WriteLine(report.Summary());
            Console.Error.WriteLine("differential report: " + report.Summary());
            Assert.True(report.Disagreements.Count == 0, report.Summary());
            Assert.True(report.RowByRowQueries > 0, "No query went row by row: the long values did not reach past the bound elements.\n" + report.Summary());
        }
    }
}
