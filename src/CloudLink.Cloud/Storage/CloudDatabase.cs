using Microsoft.Data.Sqlite;

namespace CloudLink.Cloud.Storage;

/// <summary>
/// The cloud's SQLite file: opens connections and creates the schema. Every store goes through
/// here; nothing the cloud promises is kept only in memory.
/// </summary>
public sealed class CloudDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS integrations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            paused INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            deleted_at INTEGER NULL
        );
        CREATE TABLE IF NOT EXISTS pairings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            secret_hash TEXT NOT NULL UNIQUE,
            pin TEXT NULL,
            expires_at INTEGER NOT NULL,
            host_name TEXT NOT NULL,
            instance_name TEXT NOT NULL,
            agent_version TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS pairings_pin ON pairings (pin);
        CREATE TABLE IF NOT EXISTS agents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            secret_hash TEXT NOT NULL UNIQUE,
            integration_id INTEGER NOT NULL REFERENCES integrations (id),
            host_name TEXT NOT NULL,
            instance_name TEXT NOT NULL,
            agent_version TEXT NOT NULL,
            linked_at INTEGER NOT NULL,
            last_seen_at INTEGER NULL,
            backlog INTEGER NOT NULL DEFAULT 0,
            revoked_at INTEGER NULL
        );
        CREATE TABLE IF NOT EXISTS pin_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            integration_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            success INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS pin_attempts_at ON pin_attempts (at);
        CREATE TABLE IF NOT EXISTS received_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            integration_id INTEGER NOT NULL REFERENCES integrations (id),
            agent_id INTEGER NOT NULL REFERENCES agents (id),
            file_name TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            UNIQUE (integration_id, sha256)
        );
        CREATE TABLE IF NOT EXISTS database_settings (
            integration_id INTEGER PRIMARY KEY REFERENCES integrations (id),
            settings_json TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS received_windows (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            integration_id INTEGER NOT NULL REFERENCES integrations (id),
            agent_id INTEGER NOT NULL REFERENCES agents (id),
            window_key TEXT NOT NULL,
            window_from TEXT NOT NULL,
            window_to TEXT NOT NULL,
            rows INTEGER NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            UNIQUE (integration_id, window_key, sha256)
        );
        """;

    private readonly string _connectionString;

    public CloudDatabase(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
