using System.Data.Common;
using CloudLink.Cloud.Storage;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Uploads;

/// <summary>
/// Database windows the cloud has received. A window key may arrive in several versions (a
/// reconciliation found a corrected row); the same key with the same content is stored once, and
/// the latest version of a key is the one that counts.
/// </summary>
public sealed class ReceivedWindowStore(CloudDatabase database, TimeProvider time)
{
    private const string Columns = "id, integration_id, window_key, window_from, window_to, rows, size, sha256, received_at";

    public (ReceivedWindowInfo Window, bool Added) Add(long integrationId, long agentId, string key, string from, string to, long rows, long size, string sha256)
    {
        using var connection = database.Open();
        var added = connection.Command(
            """
            INSERT INTO received_windows (integration_id, agent_id, window_key, window_from, window_to, rows, size, sha256, received_at)
            VALUES (@integration, @agent, @key, @from, @to, @rows, @size, @sha, @now)
            ON CONFLICT (integration_id, window_key, sha256) DO NOTHING
            RETURNING
            """ + " " + Columns,
            ("@integration", integrationId), ("@agent", agentId), ("@key", key), ("@from", from), ("@to", to),
            ("@rows", rows), ("@size", size), ("@sha", sha256), ("@now", SqlTime.ToDb(time.GetUtcNow()))).ReadFirst(Read);
        if (added is not null)
        {
            return (added, true);
        }

        return (connection.Command(
            "SELECT " + Columns + " FROM received_windows WHERE integration_id = @integration AND window_key = @key AND sha256 = @sha",
            ("@integration", integrationId), ("@key", key), ("@sha", sha256)).ReadFirst(Read)!, false);
    }

    /// <summary>All versions, or with <paramref name="latestOnly"/> the latest version of each window key.</summary>
    public IReadOnlyList<ReceivedWindowInfo> List(long? integrationId, bool latestOnly)
    {
        using var connection = database.Open();
        var filter = integrationId is null ? "1 = 1" : "integration_id = @integration";
        var sql = latestOnly
            ? $"SELECT {Columns} FROM received_windows WHERE id IN (SELECT MAX(id) FROM received_windows WHERE {filter} GROUP BY integration_id, window_key) ORDER BY window_from, id"
            : $"SELECT {Columns} FROM received_windows WHERE {filter} ORDER BY id";
        return (integrationId is null ? connection.Command(sql) : connection.Command(sql, ("@integration", integrationId))).ReadAll(Read);
    }

    public ReceivedWindowInfo? Find(long id)
    {
        using var connection = database.Open();
        return connection.Command("SELECT " + Columns + " FROM received_windows WHERE id = @id", ("@id", id)).ReadFirst(Read);
    }

    private static ReceivedWindowInfo Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        IntegrationId = reader.GetInt64(1),
        WindowKey = reader.GetString(2),
        From = reader.GetString(3),
        To = reader.GetString(4),
        Rows = reader.GetInt64(5),
        Size = reader.GetInt64(6),
        Sha256 = reader.GetString(7),
        ReceivedAt = SqlTime.FromDb(reader.GetInt64(8)),
    };
}
