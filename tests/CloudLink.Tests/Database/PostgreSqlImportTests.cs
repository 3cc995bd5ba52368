using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Database;

/// <summary>Interval data from a real PostgreSQL through psqlODBC into the cloud, with channels checked and defaulted.</summary>
public sealed class PostgreSqlImportTests
{
    [PostgreSqlFact]
    public async Task Interval_data_arrives_with_the_required_columns_and_channels()
    {
        var database = PostgreSqlServer.CreateDatabase();
        PostgreSqlServer.Execute(database, """
            CREATE TABLE intervals (queue_id integer, queue_name text, period_start timestamp, offered integer, answered integer, aht_seconds numeric(10,2), media text);
            INSERT INTO intervals
            SELECT q, 'Queue ' || q || ' Grüße', timestamp '2026-11-09 12:00' + (i * interval '15 minutes'), i, i - 1, 180.5, CASE WHEN q = 1 THEN 'chats' ELSE NULL END
            FROM generate_series(0, 95) i, generate_series(1, 3) q;
            """);
        var (rows, firstWindow) = await IntervalImport.RunAsync("PostgreSQL ACD", PostgreSqlServer.ConnectionString(database),
            "SELECT queue_id AS queueidentifier, queue_name AS queuename, period_start AS timestamp, offered, answered, aht_seconds AS handlingtime, media AS channel FROM intervals;");

        Assert.Contains(rows, row => row.SequenceEqual(["1", "Queue 1 Grüße", "2026-11-09 12:00:00", "0", "-1", "180.50", "chats"]));
        Assert.Contains(rows, row => row.SequenceEqual(["2", "Queue 2 Grüße", "2026-11-10 11:45:00", "95", "94", "180.50", "calls"]));
        Assert.StartsWith("queueidentifier,queuename,timestamp,offered,answered,handlingtime,channel\r\n", firstWindow, StringComparison.Ordinal);
    }
}
