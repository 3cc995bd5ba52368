using System.Data.Common;
using System.Text.Json;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Storage;

/// <summary>
/// Integrations of an account: created, paused, resumed and deleted by its people. Deleting keeps
/// the data received. A database integration's connection string is write-only: what this store
/// returns says only whether one is set. Every change of the SQL is recorded.
/// </summary>
public sealed class IntegrationStore(CloudDatabase database, TimeProvider time)
{
    private const string Columns =
        "id, name, type, paused, created_at, deleted_at, (SELECT settings_json FROM database_settings d WHERE d.integration_id = integrations.id), " +
        "(SELECT settings_json FROM csv_settings c WHERE c.integration_id = integrations.id)";

    public IntegrationInfo Create(long accountId, string name, string type)
    {
        using var connection = database.Open();
        return connection.Command(
            "INSERT INTO integrations (account_id, name, type, created_at) VALUES (@account, @name, @type, @now) RETURNING " + Columns,
            ("@account", accountId), ("@name", name), ("@type", type), ("@now", SqlTime.ToDb(time.GetUtcNow()))).ReadFirst(Read)!;
    }

    public IReadOnlyList<IntegrationInfo> List(long accountId, bool includeDeleted)
    {
        using var connection = database.Open();
        return connection.Command(
            "SELECT " + Columns + " FROM integrations WHERE account_id = @account" + (includeDeleted ? "" : " AND deleted_at IS NULL") + " ORDER BY id",
            ("@account", accountId)).ReadAll(Read);
    }

    /// <summary>The account's integration, deleted or not; null if the account has none with this id.</summary>
    public IntegrationInfo? Find(long accountId, long id)
    {
        using var connection = database.Open();
        return connection.Command("SELECT " + Columns + " FROM integrations WHERE id = @id AND account_id = @account",
            ("@id", id), ("@account", accountId)).ReadFirst(Read);
    }

    /// <summary>Sets the paused flag of a live integration of the account; false if there is none.</summary>
    public bool SetPaused(long accountId, long id, bool paused)
    {
        using var connection = database.Open();
        return connection.Command(
            "UPDATE integrations SET paused = @paused WHERE id = @id AND account_id = @account AND deleted_at IS NULL",
            ("@paused", paused ? 1 : 0), ("@id", id), ("@account", accountId)).ExecuteNonQuery() == 1;
    }

    /// <summary>Marks the integration deleted; its received files stay. False if the account has no live one with this id.</summary>
    public bool Delete(long accountId, long id)
    {
        using var connection = database.Open();
        return connection.Command(
            "UPDATE integrations SET deleted_at = @now WHERE id = @id AND account_id = @account AND deleted_at IS NULL",
            ("@now", SqlTime.ToDb(time.GetUtcNow())), ("@id", id), ("@account", accountId)).ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Sets what a live database integration of the account imports; false if there is none. A
    /// connection string left out (null) keeps the one set before, "" removes it. A changed query
    /// is recorded with the user and both hashes.
    /// </summary>
    public bool SetDatabaseSettings(long accountId, long userId, long id, DatabaseSettingsInfo settings)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!IsLive(transaction, accountId, id, IntegrationTypes.Database))
        {
            return false;
        }

        var before = transaction.Command("SELECT settings_json FROM database_settings WHERE integration_id = @id", ("@id", id))
            .ExecuteScalar() is string json ? JsonSerializer.Deserialize(json, ProtocolJson.Default.DatabaseSettingsInfo) : null;
        var stored = new DatabaseSettingsInfo
        {
            DataType = settings.DataType,
            Query = settings.Query,
            TimeZone = settings.TimeZone,
            IntervalMinutes = settings.IntervalMinutes,
            RealTime = settings.RealTime,
            Reconciliation = settings.Reconciliation,
            BackfillDays = settings.BackfillDays,
            Connection = settings.Connection is null ? before?.Connection : settings.Connection.Length == 0 ? null : settings.Connection,
        };
        transaction.Command(
            """
            INSERT INTO database_settings (integration_id, settings_json) VALUES (@id, @json)
            ON CONFLICT (integration_id) DO UPDATE SET settings_json = excluded.settings_json
            """,
            ("@id", id), ("@json", JsonSerializer.Serialize(stored, ProtocolJson.Default.DatabaseSettingsInfo))).ExecuteNonQuery();
        var oldHash = before is null ? null : QueryHash.Of(before.Query);
        var newHash = QueryHash.Of(stored.Query);
        if (oldHash != newHash)
        {
            transaction.Command(
                "INSERT INTO query_changes (integration_id, user_id, at, old_sha256, new_sha256) VALUES (@id, @user, @now, @old, @new)",
                ("@id", id), ("@user", userId), ("@now", SqlTime.ToDb(time.GetUtcNow())), ("@old", oldHash), ("@new", newHash)).ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Sets the expected shape of a live CSV integration's files (checked by the caller); false if the account has none with this id.</summary>
    public bool SetCsvSettings(long accountId, long id, CsvSettingsInfo settings)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!IsLive(transaction, accountId, id, IntegrationTypes.Csv))
        {
            return false;
        }

        transaction.Command(
            """
            INSERT INTO csv_settings (integration_id, settings_json) VALUES (@id, @json)
            ON CONFLICT (integration_id) DO UPDATE SET settings_json = excluded.settings_json
            """,
            ("@id", id), ("@json", JsonSerializer.Serialize(settings, ProtocolJson.Default.CsvSettingsInfo))).ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    /// <summary>Whether the account has a live (not deleted) integration of this type with this id.</summary>
    private static bool IsLive(DbTransaction transaction, long accountId, long id, string type) =>
        transaction.Command(
            "SELECT 1 FROM integrations WHERE id = @id AND account_id = @account AND deleted_at IS NULL AND type = @type",
            ("@id", id), ("@account", accountId), ("@type", type)).ExecuteScalar() is not null;

    internal static CsvSettingsInfo? CsvSettings(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, ProtocolJson.Default.CsvSettingsInfo);

    /// <summary>The SQL changes of the account's integration, oldest first.</summary>
    public IReadOnlyList<QueryChangeInfo> QueryChanges(long accountId, long id)
    {
        using var connection = database.Open();
        return connection.Command(
            $"""
            SELECT c.id, c.integration_id, c.at, u.email, c.old_sha256, c.new_sha256
            FROM query_changes c JOIN users u ON u.id = c.user_id
            WHERE c.integration_id = @id AND c.integration_id IN {AccountScope.IntegrationIds} ORDER BY c.id
            """,
            ("@id", id), ("@account", accountId)).ReadAll(reader => new QueryChangeInfo
            {
                Id = reader.GetInt64(0),
                IntegrationId = reader.GetInt64(1),
                At = SqlTime.FromDb(reader.GetInt64(2)),
                ChangedBy = reader.GetString(3),
                OldSha256 = reader.IsDBNull(4) ? null : reader.GetString(4),
                NewSha256 = reader.GetString(5),
            });
    }

    /// <summary>Database settings as people see them: without the connection string, with whether one is set and the query's hash.</summary>
    internal static DatabaseSettingsInfo? ForPeople(string? json) =>
        ForAgent(json) is { } settings ? Redacted(settings) : null;

    /// <summary>Database settings as the linked agent gets them: all of them, with the query's hash.</summary>
    internal static DatabaseSettingsInfo? ForAgent(string? json)
    {
        if (json is null || JsonSerializer.Deserialize(json, ProtocolJson.Default.DatabaseSettingsInfo) is not { } settings)
        {
            return null;
        }

        settings.ConnectionSet = !string.IsNullOrEmpty(settings.Connection);
        settings.QuerySha256 = QueryHash.Of(settings.Query);
        return settings;
    }

    private static DatabaseSettingsInfo Redacted(DatabaseSettingsInfo settings)
    {
        settings.Connection = null;
        return settings;
    }

    private static IntegrationInfo Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Name = reader.GetString(1),
        Type = reader.GetString(2),
        Paused = reader.GetInt64(3) != 0,
        CreatedAt = SqlTime.FromDb(reader.GetInt64(4)),
        DeletedAt = reader.NullableTime(5),
        Database = ForPeople(reader.IsDBNull(6) ? null : reader.GetString(6)),
        Csv = CsvSettings(reader.IsDBNull(7) ? null : reader.GetString(7)),
    };
}
