namespace CloudLink.Cloud.Storage;

/// <summary>The cloud's tables, one text for both databases it runs on.</summary>
internal static class CloudSchema
{
    /// <summary>
    /// Written for SQLite; PostgreSQL gets the same tables with 64-bit integers and identity keys
    /// (<see cref="ForPostgreSql"/>). Times are Unix milliseconds, flags 0 or 1, in both.
    /// </summary>
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS accounts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            email TEXT NOT NULL UNIQUE,
            password_hash TEXT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS api_tokens (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id INTEGER NOT NULL REFERENCES users (id),
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            last_used_at INTEGER NULL,
            revoked_at INTEGER NULL
        );
        CREATE TABLE IF NOT EXISTS integrations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            account_id INTEGER NULL REFERENCES accounts (id),
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
            account_id INTEGER NULL,
            source TEXT NULL,
            at INTEGER NOT NULL,
            success INTEGER NOT NULL
        );
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
        CREATE TABLE IF NOT EXISTS csv_settings (
            integration_id INTEGER PRIMARY KEY REFERENCES integrations (id),
            settings_json TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS file_checks (
            file_id INTEGER PRIMARY KEY REFERENCES received_files (id),
            report_json TEXT NOT NULL,
            checked_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS query_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            integration_id INTEGER NOT NULL REFERENCES integrations (id),
            user_id INTEGER NOT NULL REFERENCES users (id),
            at INTEGER NOT NULL,
            old_sha256 TEXT NULL,
            new_sha256 TEXT NOT NULL
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
            acknowledged INTEGER NOT NULL DEFAULT 0,
            UNIQUE (integration_id, window_key, sha256)
        );
        """;

    /// <summary>
    /// Columns added since the first release, for a database created before them: each is added
    /// when missing, so a self-hosted cloud keeps its data. Integrations of such a database belong
    /// to no account until the first account created adopts them.
    /// </summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("integrations", "account_id", "INTEGER NULL REFERENCES accounts (id)"),
        ("pin_attempts", "account_id", "INTEGER NULL"),
        ("pin_attempts", "source", "TEXT NULL"),
        ("received_windows", "acknowledged", "INTEGER NOT NULL DEFAULT 0"),
    ];

    public const string Indexes = """
        CREATE INDEX IF NOT EXISTS pairings_pin ON pairings (pin);
        CREATE INDEX IF NOT EXISTS pairings_expires ON pairings (expires_at);
        CREATE INDEX IF NOT EXISTS pin_attempts_at ON pin_attempts (at);
        CREATE INDEX IF NOT EXISTS integrations_account ON integrations (account_id);
        CREATE INDEX IF NOT EXISTS users_account ON users (account_id);
        CREATE INDEX IF NOT EXISTS received_windows_key ON received_windows (integration_id, window_key, acknowledged);
        """;

    public static string ForPostgreSql(string sql) => sql
        .Replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", StringComparison.Ordinal)
        .Replace("INTEGER", "BIGINT", StringComparison.Ordinal);
}
