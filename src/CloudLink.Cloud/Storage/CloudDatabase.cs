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
        using var command = connection.CreateCommand();
        command.CommandText = postgres is null ? "PRAGMA journal_mode = WAL;" + CloudSchema.Sqlite : CloudSchema.ForPostgreSql();
        command.ExecuteNonQuery();
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
            Directory.CreateDirectory(folder);
        }

        return new CloudDatabase(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString(), null);
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
}
