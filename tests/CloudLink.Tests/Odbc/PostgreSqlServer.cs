using CloudLink.Core.Odbc;

namespace CloudLink.Tests.Odbc;

/// <summary>The throwaway PostgreSQL server that .ci/postgres starts; its address comes from CLOUDLINK_TEST_PG_*.</summary>
public static class PostgreSqlServer
{
    public static string? Port => Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_PORT");

    public static string SkipReason =>
        Port is null ? "No PostgreSQL server for tests: .ci/run starts one (.ci/postgres start DIR) and exports CLOUDLINK_TEST_PG_*."
        : !OdbcDrivers.Installed("PostgreSQL Unicode") ? "psqlODBC is not installed (apt-get install odbc-postgresql)."
        : "";

    public static string ConnectionString(string database = "postgres") =>
        $"DRIVER={{PostgreSQL Unicode}};Server={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_HOST") ?? "127.0.0.1"};Port={Port};" +
        $"Database={database};UID={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_USER") ?? "postgres"};PWD={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_PASSWORD")}";

    /// <summary>The same server in Npgsql's form, for the reference cloud's own store.</summary>
    public static string NpgsqlConnectionString(string database) =>
        $"Host={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_HOST") ?? "127.0.0.1"};Port={Port};Database={database};" +
        $"Username={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_USER") ?? "postgres"};Password={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_PASSWORD")}";

    /// <summary>Creates a fresh database and returns its name.</summary>
    public static string CreateDatabase()
    {
        var name = "cl_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = OdbcConnection.Open(ConnectionString(), TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        command.ExecuteNonQuery($"CREATE DATABASE {name}", [], CancellationToken.None);
        return name;
    }

    public static void Execute(string database, string sql)
    {
        using var connection = OdbcConnection.Open(ConnectionString(database), TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        command.ExecuteNonQuery(sql, [], CancellationToken.None);
    }
}

/// <summary>A fact that needs the test PostgreSQL server and psqlODBC; skipped with the reason otherwise.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlServer.SkipReason.Length > 0)
        {
            Skip = PostgreSqlServer.SkipReason;
        }
    }
}
