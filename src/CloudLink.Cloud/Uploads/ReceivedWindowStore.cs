using System.Data.Common;
using CloudLink.Cloud.Storage;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Uploads;

/// <summary>
/// Database windows the cloud has received. A window key may arrive in several versions (a
/// reconciliation found a corrected row; a real-time window grew). The same key with the same
/// content is stored once; every acknowledged upload of a key makes its content the latest
/// version, also when that content was held already (A, B, A ends at A).
/// </summary>
public sealed class ReceivedWindowStore(CloudDatabase database, TimeProvider time)
{
    private const string Columns = "id, integration_id, window_key, window_from, window_to, rows, size, sha256, received_at";

    /// <summary>The latest version of each key: the one acknowledged last.</summary>
    private const string IsLatest =
        "id = (SELECT v.id FROM received_windows v WHERE v.integration_id = received_windows.integration_id AND v.window_key = received_windows.window_key ORDER BY v.acknowledged DESC, v.id DESC LIMIT 1)";

    public (ReceivedWindowInfo Window, bool Added) Add(long integrationId, long agentId, string key, string from, string to, long rows, long size, string sha256)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var sequence = (long)transaction.Command(
            "SELECT COALESCE(MAX(acknowledged), 0) + 1 FROM received_windows WHERE integration_id = @integration AND window_key = @key",
            ("@integration", integrationId), ("@key", key)).ExecuteScalar()!;
        var added = transaction.Command(
            """
            INSERT INTO received_windows (integration_id, agent_id, window_key, window_from, window_to, rows, size, sha256, received_at, acknowledged)
            VALUES (@integration, @agent, @key, @from, @to, @rows, @size, @sha, @now, @sequence)
            ON CONFLICT (integration_id, window_key, sha256) DO NOTHING
            RETURNING
            """ + " " + Columns,
            ("@integration", integrationId), ("@agent", agentId), ("@key", key), ("@from", from), ("@to", to),
            ("@rows", rows), ("@size", size), ("@sha", sha256), ("@now", SqlTime.ToDb(time.GetUtcNow())), ("@sequence", sequence)).ReadFirst(Read);
        if (added is null)
        {
            transaction.Command(
                "UPDATE received_windows SET acknowledged = @sequence WHERE integration_id = @integration AND window_key = @key AND sha256 = @sha",
                ("@sequence", sequence), ("@integration", integrationId), ("@key", key), ("@sha", sha256)).ExecuteNonQuery();
        }

        var window = added ?? transaction.Command(
            "SELECT " + Columns + " FROM received_windows WHERE integration_id = @integration AND window_key = @key AND sha256 = @sha",
            ("@integration", integrationId), ("@key", key), ("@sha", sha256)).ReadFirst(Read)!;
        transaction.Commit();
        return (window, added is not null);
    }

    /// <summary>The windows of one integration (the agent side): every version, or with <paramref name="latestOnly"/> the latest of each key.</summary>
    public IReadOnlyList<ReceivedWindowInfo> ListForIntegration(long integrationId, bool latestOnly)
    {
        using var connection = database.Open();
        return connection.Command(
            $"SELECT {Columns} FROM received_windows WHERE integration_id = @integration{(latestOnly ? " AND " + IsLatest : "")} ORDER BY {(latestOnly ? "window_from, id" : "id")}",
            ("@integration", integrationId)).ReadAll(Read);
    }

    /// <summary>The account's windows, of all its integrations or of one.</summary>
    public IReadOnlyList<ReceivedWindowInfo> List(long accountId, long? integrationId, bool latestOnly)
    {
        using var connection = database.Open();
        return connection.Command(
            $"SELECT {Columns} FROM received_windows WHERE integration_id IN {AccountScope.IntegrationIds}{AccountScope.OneIntegration(integrationId)}" +
            $"{(latestOnly ? " AND " + IsLatest : "")} ORDER BY {(latestOnly ? "window_from, id" : "id")}",
            ("@account", accountId), ("@integration", integrationId ?? 0)).ReadAll(Read);
    }

    /// <summary>A window of one of the account's integrations; null for any other.</summary>
    public ReceivedWindowInfo? Find(long accountId, long id)
    {
        using var connection = database.Open();
        return connection.Command(
            $"SELECT {Columns} FROM received_windows WHERE id = @id AND integration_id IN {AccountScope.IntegrationIds}",
            ("@id", id), ("@account", accountId)).ReadFirst(Read);
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
