using System.Data.Common;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Storage;

/// <summary>Linked agents. A credential is stored only as the SHA-256 of the agent's secret.</summary>
public sealed class AgentStore(CloudDatabase database, TimeProvider time)
{
    internal const string InfoColumns =
        "id, integration_id, host_name, instance_name, agent_version, linked_at, last_seen_at, revoked_at, backlog";

    public AgentRecord? FindBySecretHash(string secretHash)
    {
        using var connection = database.Open();
        return connection.Command(
            """
            SELECT a.id, a.integration_id, i.name, i.type, i.paused,
                   CASE WHEN i.deleted_at IS NULL THEN 0 ELSE 1 END, CASE WHEN a.revoked_at IS NULL THEN 0 ELSE 1 END, d.settings_json, c.settings_json
            FROM agents a JOIN integrations i ON i.id = a.integration_id
            LEFT JOIN database_settings d ON d.integration_id = i.id
            LEFT JOIN csv_settings c ON c.integration_id = i.id
            WHERE a.secret_hash = @hash
            """,
            ("@hash", secretHash)).ReadFirst(reader => new AgentRecord(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4) != 0, reader.GetInt64(5) != 0, reader.GetInt64(6) != 0)
            {
                Database = IntegrationStore.ForAgent(reader.IsDBNull(7) ? null : reader.GetString(7)),
                Csv = IntegrationStore.CsvSettings(reader.IsDBNull(8) ? null : reader.GetString(8)),
            });
    }

    /// <summary>The agents linked to an integration of the account, revoked ones included.</summary>
    public IReadOnlyList<AgentInfo> ListForIntegration(long accountId, long integrationId)
    {
        using var connection = database.Open();
        return connection.Command(
            $"SELECT {InfoColumns} FROM agents WHERE integration_id = @id AND integration_id IN {AccountScope.IntegrationIds} ORDER BY id",
            ("@id", integrationId), ("@account", accountId)).ReadAll(ReadInfo);
    }

    /// <summary>
    /// Revokes the credential of an agent of one of the account's integrations; the agent falls
    /// back to PIN mode at its next call. False if already revoked, unknown, or another account's.
    /// </summary>
    public bool Revoke(long accountId, long agentId)
    {
        using var connection = database.Open();
        return connection.Command(
            $"UPDATE agents SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL AND integration_id IN {AccountScope.IntegrationIds}",
            ("@now", SqlTime.ToDb(time.GetUtcNow())), ("@id", agentId), ("@account", accountId)).ExecuteNonQuery() == 1;
    }

    public void RecordHeartbeat(long agentId, HeartbeatRequest heartbeat)
    {
        using var connection = database.Open();
        using var command = connection.Command(
            "UPDATE agents SET last_seen_at = @now, backlog = @backlog, agent_version = @version WHERE id = @id",
            ("@now", SqlTime.ToDb(time.GetUtcNow())),
            ("@backlog", heartbeat.Backlog),
            ("@version", heartbeat.AgentVersion),
            ("@id", agentId));
        command.ExecuteNonQuery();
    }

    internal static AgentInfo ReadInfo(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        IntegrationId = reader.GetInt64(1),
        HostName = reader.GetString(2),
        InstanceName = reader.GetString(3),
        AgentVersion = reader.GetString(4),
        LinkedAt = SqlTime.FromDb(reader.GetInt64(5)),
        LastSeenAt = reader.NullableTime(6),
        RevokedAt = reader.NullableTime(7),
        Backlog = (int)reader.GetInt64(8),
    };
}
