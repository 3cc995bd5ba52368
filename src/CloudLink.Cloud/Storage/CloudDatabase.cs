using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CloudLink.Cloud.Storage;

/// <summary>
/// The cloud's database: a SQLite file by default, or PostgreSQL when Cloud:PostgreSql holds a
/// connection string. Opens connections and creates the schema. Every store goes through here;
/// nothing the cloud promises is kept only in memory.
/// </summary>
public sealed class CloudDatabase : IDisposable
{
    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    private CloudDatabase(string? sqlite, NpgsqlDataSource? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
        using var connection = Open();
        Run(connection, postgres is null ? "PRAGMA journal_mode = WAL;" + CloudSchema.Tables : CloudSchema.ForPostgreSql(CloudSchema.Tables));
        foreach (var (table, column, definition) in CloudSchema.AddedColumns)
        {
            if (!HasColumn(connection, table, column))
            {
                Run(connection, $"ALTER TABLE {table} ADD COLUMN {column} {(postgres is null ? definition : CloudSchema.ForPostgreSql(definition))}");
            }
        }

        Run(connection, CloudSchema.Indexes);
    }

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Engine => _postgres is null ? "SQLite" : "PostgreSQL";

    public static CloudDatabase Create(CloudOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PostgreSql))
        {
            var builder = new NpgsqlConnectionStringBuilder(options.PostgreSql);
            return new CloudDatabase(null, NpgsqlDataSource.Create(builder));
        }

        var path = options.ResolvedDatabasePath;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            PrivateFiles.CreateFolder(folder);
        }

        // SQLite creates its -wal and -shm files with the mode of the database file, so that is 0600 before SQLite opens it.
        PrivateFiles.CreateEmpty(path);
        foreach (var companion in new[] { path, path + "-wal", path + "-shm" })
        {
            PrivateFiles.Restrict(companion);
        }

        var database = new CloudDatabase(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString(), null);
        return database;
    }

    public DbConnection Open()
    {
        if (_postgres is not null)
        {
            return _postgres.OpenConnection();
        }

        var connection = new SqliteConnection(_sqlite);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public void Dispose() => _postgres?.Dispose();

    private static void Run(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private bool HasColumn(DbConnection connection, string table, string column)
    {
        using var command = _postgres is null
            ? connection.Command($"SELECT 1 FROM pragma_table_info('{table}') WHERE name = @column", ("@column", column))
            : connection.Command("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND column_name = @column",
                ("@table", table), ("@column", column));
        return command.ExecuteScalar() is not null;
    }
}
