using System.Data.Common;
using System.Text.Json;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Storage;

/// <summary>Integrations: created, paused, resumed and deleted by people. Deleting keeps the data received.</summary>
public sealed class IntegrationStore(CloudDatabase database, TimeProvider time)
{
    private const string Columns =
        "id, name, type, paused, created_at, deleted_at, (SELECT settings_json FROM database_settings d WHERE d.integration_id = integrations.id)";

    public IntegrationInfo Create(string name, string type)
    {
        using var connection = database.Open();
        return connection.Command(
            "INSERT INTO integrations (name, type, created_at) VALUES (@name, @type, @now) RETURNING " + Columns,
            ("@name", name), ("@type", type), ("@now", SqlTime.ToDb(time.GetUtcNow()))).ReadFirst(Read)!;
    }

    public IReadOnlyList<IntegrationInfo> List(bool includeDeleted)
    {
        using var connection = database.Open();
        return connection.Command(
            "SELECT " + Columns + " FROM integrations" + (includeDeleted ? "" : " WHERE deleted_at IS NULL") + " ORDER BY id")
            .ReadAll(Read);
    }

    /// <summary>The integration, deleted or not; null if it never existed.</summary>
    public IntegrationInfo? Find(long id)
    {
        using var connection = database.Open();
        return connection.Command("SELECT " + Columns + " FROM integrations WHERE id = @id", ("@id", id)).ReadFirst(Read);
    }

    /// <summary>Sets the paused flag of a live integration; false if there is none.</summary>
    public bool SetPaused(long id, bool paused)
    {
        using var connection = database.Open();
        using var command = connection.Command(
            "UPDATE integrations SET paused = @paused WHERE id = @id AND deleted_at IS NULL",
            ("@paused", paused ? 1 : 0), ("@id", id));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Marks the integration deleted; its received files stay. False if there is no live one.</summary>
    public bool Delete(long id)
    {
        using var connection = database.Open();
        using var command = connection.Command(
            "UPDATE integrations SET deleted_at = @now WHERE id = @id AND deleted_at IS NULL",
            ("@now", SqlTime.ToDb(time.GetUtcNow())), ("@id", id));
        return command.ExecuteNonQuery() == 1;
    }

    private static IntegrationInfo Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Name = reader.GetString(1),
        Type = reader.GetString(2),
        Paused = reader.GetInt64(3) != 0,
        CreatedAt = SqlTime.FromDb(reader.GetInt64(4)),
        DeletedAt = reader.NullableTime(5),
        Database = reader.IsDBNull(6) ? null : JsonSerializer.Deserialize(reader.GetString(6), ProtocolJson.Default.DatabaseSettingsInfo),
    };

    /// <summary>Sets what a database integration imports; false if there is no live integration.</summary>
    public bool SetDatabaseSettings(long id, DatabaseSettingsInfo settings)
    {
        using var connection = database.Open();
        return connection.Command(
            """
            INSERT INTO database_settings (integration_id, settings_json)
            SELECT id, @json FROM integrations WHERE id = @id AND deleted_at IS NULL
            ON CONFLICT (integration_id) DO UPDATE SET settings_json = excluded.settings_json
            """,
            ("@id", id), ("@json", JsonSerializer.Serialize(settings, ProtocolJson.Default.DatabaseSettingsInfo))).ExecuteNonQuery() == 1;
    }
}
