using CloudLink.Core.Database;
using CloudLink.Core.Odbc;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Odbc;

/// <summary>
/// A window bound at a fraction of a second (01:30:00.5 to 01:45:00.25) on every driver: a row at
/// exactly "from" is in, one a microsecond before it is out, one just before "to" is in, one at
/// "to" is out. The bounds are bound as timestamp parameters with their fraction.
/// </summary>
public sealed class OdbcWindowBoundaryTests
{
    private static readonly DateTime From = new DateTime(2026, 3, 29, 1, 30, 0).AddTicks(5_000_000);
    private static readonly DateTime To = new DateTime(2026, 3, 29, 1, 45, 0).AddTicks(2_500_000);

    private static readonly (string Label, DateTime At)[] Rows =
    [
        ("before from", From.AddTicks(-10)),
        ("at from", From),
        ("just after from", From.AddTicks(10)),
        ("just before to", To.AddTicks(-10)),
        ("at to", To),
        ("after to", To.AddTicks(10)),
    ];

    private static readonly string[] InWindow = ["at from", "just after from", "just before to"];

    [PostgreSqlFact]
    public void PostgreSql_rows_at_the_bounds_land_in_the_right_window()
    {
        var database = PostgreSqlServer.CreateDatabase();
        PostgreSqlServer.Execute(database, "CREATE TABLE w (label text, ts timestamp(6))");
        Insert(PostgreSqlServer.ConnectionString(database));

        Assert.Equal(InWindow, Window(PostgreSqlServer.ConnectionString(database), "\""));
    }

    [MariaDbFact]
    public void MariaDb_rows_at_the_bounds_land_in_the_right_window()
    {
        var database = MariaDbServer.CreateDatabase();
        MariaDbServer.Execute(database, "CREATE TABLE w (label text, ts datetime(6))");
        Insert(MariaDbServer.ConnectionString(database));

        Assert.Equal(InWindow, Window(MariaDbServer.ConnectionString(database), "`"));
    }

    [SkippableOdbcFact("SQLite3")]
    public void Sqlite_rows_at_the_bounds_land_in_the_right_window_as_text_timestamps()
    {
        using var folder = new TempFolder("cloudlink-window");
        var file = folder.Combine("acd.db");
        // SQLite keeps timestamps as the text they were written with: microseconds, as an ACD would write them.
        Command.Output("sqlite3", [file], "CREATE TABLE w (label text, ts timestamp);\n" + string.Concat(Rows.Select(row =>
            $"INSERT INTO w VALUES ('{row.Label}', '{row.At:yyyy-MM-dd HH:mm:ss.ffffff}');\n")));

        Assert.Equal(InWindow, Window($"DRIVER={{SQLite3}};Database={file}", "\""));
    }

    private static void Insert(string connectionString)
    {
        using var connection = OdbcConnection.Open(connectionString, TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        foreach (var (label, at) in Rows)
        {
            command.ExecuteNonQuery("INSERT INTO w (label, ts) VALUES (?, ?)", [new(label), new(at)], CancellationToken.None);
        }
    }

    private static string?[] Window(string connectionString, string quote)
    {
        var sql = WindowQuery.Window("SELECT label AS queuename, ts AS timestamp FROM w", DataType.Interval, quote) + " ORDER BY 2";
        return OdbcTestReader.ReadAll(connectionString, sql, From, To).Select(row => (string?)row[0]).ToArray();
    }
}
