using CloudLink.Core.Odbc;

namespace CloudLink.Tests.Odbc;

/// <summary>The throwaway MariaDB server that .ci/mariadb starts; its address comes from CLOUDLINK_TEST_MARIADB_*.</summary>
public static class MariaDbServer
{
    private static string? Port => Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_PORT");

    public static string SkipReason =>
        Port is null ? "No MariaDB server for tests: .ci/run starts one (.ci/mariadb start DIR) and exports CLOUDLINK_TEST_MARIADB_*."
        : !OdbcDrivers.Installed("MariaDB Unicode") ? "MariaDB Connector/ODBC is not installed (apt-get install odbc-mariadb)."
        : "";

    public static string ConnectionString(string database = "cloudlink") =>
        $"DRIVER={{MariaDB Unicode}};Server={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_HOST") ?? "127.0.0.1"};Port={Port};" +
        $"Database={database};UID={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_USER")};PWD={Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_PASSWORD")}";

    /// <summary>Creates a fresh database and returns its name.</summary>
    public static string CreateDatabase()
    {
        var name = "cl_" + Guid.NewGuid().ToString("N")[..12];
        Execute("cloudlink", $"CREATE DATABASE {name} CHARACTER SET utf8mb4");
        return name;
    }

    /// <summary>Runs each statement of <paramref name="sql"/> (separated by ";\n").</summary>
    public static void Execute(string database, string sql)
    {
        using var connection = OdbcConnection.Open(ConnectionString(database), TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            command.ExecuteNonQuery(statement, [], CancellationToken.None);
        }
    }
}

/// <summary>A fact that needs the test MariaDB server and its ODBC driver; skipped with the reason otherwise.</summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    public MariaDbFactAttribute()
    {
        if (MariaDbServer.SkipReason.Length > 0)
        {
            Skip = MariaDbServer.SkipReason;
        }
    }
}
