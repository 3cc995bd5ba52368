using System.Data.Common;
using System.Text.Json;
using CloudLink.Cloud.Storage;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Uploads;

/// <summary>What the cloud has received: one row per content per integration, whatever the file name.</summary>
public sealed class ReceivedFileStore(CloudDatabase database, TimeProvider time)
{
    private const string Columns = "id, integration_id, agent_id, file_name, size, sha256, received_at";

    /// <summary>People see a file with the agent's check of it, kept beside it.</summary>
    private const string WithCheck = Columns + ", (SELECT report_json FROM file_checks k WHERE k.file_id = received_files.id)";

    public ReceivedFileInfo? Find(long integrationId, string sha256)
    {
        using var connection = database.Open();
        return connection.Command(
            "SELECT " + Columns + " FROM received_files WHERE integration_id = @integration AND sha256 = @sha",
            ("@integration", integrationId), ("@sha", sha256)).ReadFirst(Read);
    }

    /// <summary>A received file of one of the account's integrations; null for any other.</summary>
    public ReceivedFileInfo? Find(long accountId, long id)
    {
        using var connection = database.Open();
        return connection.Command(
            $"SELECT {WithCheck} FROM received_files WHERE id = @id AND integration_id IN {AccountScope.IntegrationIds}",
            ("@id", id), ("@account", accountId)).ReadFirst(Read);
    }

    /// <summary>The account's received files, of all its integrations or of one.</summary>
    public IReadOnlyList<ReceivedFileInfo> List(long accountId, long? integrationId)
    {
        using var connection = database.Open();
        return connection.Command(
            $"SELECT {WithCheck} FROM received_files WHERE integration_id IN {AccountScope.IntegrationIds}{AccountScope.OneIntegration(integrationId)} ORDER BY id",
            ("@account", accountId), ("@integration", integrationId ?? 0)).ReadAll(Read);
    }

    /// <summary>Records a received file; when the content is already there, returns the existing row and false.</summary>
    public (ReceivedFileInfo File, bool Added) Add(long integrationId, long agentId, string fileName, long size, string sha256)
    {
        using var connection = database.Open();
        var added = connection.Command(
            """
            INSERT INTO received_files (integration_id, agent_id, file_name, size, sha256, received_at)
            VALUES (@integration, @agent, @name, @size, @sha, @now)
            ON CONFLICT (integration_id, sha256) DO NOTHING
            RETURNING
            """ + " " + Columns,
            ("@integration", integrationId), ("@agent", agentId), ("@name", fileName), ("@size", size),
            ("@sha", sha256), ("@now", SqlTime.ToDb(time.GetUtcNow()))).ReadFirst(Read);
        return added is not null ? (added, true) : (Find(integrationId, sha256)!, false);
    }

    /// <summary>Keeps the agent's check of a file of its integration (the latest one counts); false if the integration has no such file.</summary>
    public bool SetCheck(long integrationId, long fileId, CsvCheckReport report)
    {
        using var connection = database.Open();
        return connection.Command(
            """
            INSERT INTO file_checks (file_id, report_json, checked_at)
            SELECT id, @json, @now FROM received_files WHERE id = @id AND integration_id = @integration
            ON CONFLICT (file_id) DO UPDATE SET report_json = excluded.report_json, checked_at = excluded.checked_at
            """,
            ("@json", JsonSerializer.Serialize(report, ProtocolJson.Default.CsvCheckReport)), ("@now", SqlTime.ToDb(time.GetUtcNow())),
            ("@id", fileId), ("@integration", integrationId)).ExecuteNonQuery() == 1;
    }

    private static ReceivedFileInfo Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        IntegrationId = reader.GetInt64(1),
        AgentId = reader.GetInt64(2),
        FileName = reader.GetString(3),
        Size = reader.GetInt64(4),
        Sha256 = reader.GetString(5),
        ReceivedAt = SqlTime.FromDb(reader.GetInt64(6)),
        Check = reader.FieldCount > 7 && !reader.IsDBNull(7) ? JsonSerializer.Deserialize(reader.GetString(7), ProtocolJson.Default.CsvCheckReport) : null,
    };
}
