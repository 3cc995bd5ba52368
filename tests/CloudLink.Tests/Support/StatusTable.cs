using System.Globalization;
using CloudLink.Protocol;
using Microsoft.Data.Sqlite;

namespace CloudLink.Tests.Support;

/// <summary>An ACD's agent-status table in a SQLite file, which the agent reads through the SQLite3 ODBC driver.</summary>
internal static class StatusTable
{
    public const string Query = "SELECT agent AS agentidentifier, start AS starttime, stop AS endtime, activity FROM status";

    public static string OdbcConnection(string file) => $"DRIVER={{SQLite3}};Database={file}";

    /// <summary>A database integration reading agent statuses with <paramref name="query"/>: UTC, one day of history, no reconciliation.</summary>
    public static DatabaseSettingsInfo Settings(string query = Query) => new()
    {
        DataType = "agentstatus",
        Query = query,
        TimeZone = "UTC",
        BackfillDays = 1,
        Reconciliation = false,
    };

    /// <summary>
    /// One row every 10 minutes (local time) from <paramref name="from"/> to <paramref name="to"/>,
    /// each named by its start (<paramref name="prefix"/> + the time in <paramref name="idFormat"/>); returns how many.
    /// </summary>
    public static int Insert(string file, DateTime from, DateTime to, string prefix = "a", string activity = "ready", string idFormat = "MMddHHmm")
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS status (agent TEXT, start TIMESTAMP, stop TIMESTAMP, activity TEXT)";
            create.ExecuteNonQuery();
        }

        var count = 0;
        using var transaction = connection.BeginTransaction();
        for (var time = from; time < to; time = time.AddMinutes(10), count++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO status VALUES ($agent, $start, $stop, $activity)";
            insert.Parameters.AddWithValue("$agent", prefix + time.ToString(idFormat, CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$start", time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$stop", time.AddMinutes(10).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$activity", activity);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return count;
    }
}
