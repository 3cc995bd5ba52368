using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Database;

/// <summary>Interval data from a real MariaDB through MariaDB Connector/ODBC into the cloud: the window is wrapped with MySQL's quoting.</summary>
public sealed class MariaDbImportTests
{
    [MariaDbFact]
    public async Task Interval_data_arrives_in_its_windows()
    {
        var database = MariaDbServer.CreateDatabase();
        MariaDbServer.Execute(database, """
            CREATE TABLE intervals (queue_id int, queue_name text, period_start datetime, offered int, answered int, aht_seconds decimal(10,2));
            INSERT INTO intervals
            SELECT q.seq, CONCAT('Queue ', q.seq, ' Grüße'), TIMESTAMP '2026-11-09 12:00:00' + INTERVAL (i.seq * 15) MINUTE, i.seq, CAST(i.seq AS SIGNED) - 1, 180.5
            FROM seq_0_to_95 i, seq_1_to_3 q
            """);
        var (rows, _) = await IntervalImport.RunAsync("MariaDB ACD", MariaDbServer.ConnectionString(database),
            "SELECT queue_id AS queueidentifier, queue_name AS queuename, period_start AS timestamp, offered, answered, aht_seconds AS handlingtime FROM intervals");

        Assert.Contains(rows, row => row.SequenceEqual(["1", "Queue 1 Grüße", "2026-11-09 12:00:00", "0", "-1", "180.50", "calls"]));
        Assert.Contains(rows, row => row.SequenceEqual(["3", "Queue 3 Grüße", "2026-11-10 11:45:00", "95", "94", "180.50", "calls"]));
    }
}
