using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;
using Microsoft.Data.Sqlite;
using static CloudLink.Tests.Agent.CommandLineTests;

namespace CloudLink.Tests.Agent;

/// <summary>'query' through the real executable against the SQLite ODBC driver.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("cloudlink-query");

    public QueryCommandTests()
    {
        using var connection = new SqliteConnection($"Data Source={Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE c (q INTEGER, n TEXT, ts TIMESTAMP, o INTEGER, a INTEGER, h REAL, ch TEXT);
            INSERT INTO c VALUES (1, 'Sales', '2026-03-29 08:00:00', 5, 4, 100.5, 'calls'), (2, 'Süd 😀', '2026-03-29 08:15:00', 3, 3, 50, NULL),
                                 (3, 'Late', '2026-03-29 09:00:00', 1, 1, 10, 'emails');
            """;
        command.ExecuteNonQuery();
    }

    private string Database => _folder.Combine("acd.db");

    private string Connection => $"DRIVER={{SQLite3}};Database={Database};PWD=s3cret";

    private const string Sql = "SELECT q AS queueidentifier, n AS queuename, ts AS timestamp, o AS offered, a AS answered, h AS handlingtime, ch AS channel FROM c";

    [SkippableOdbcFact("SQLite3")]
    public async Task A_window_is_shown_and_written_as_csv_with_the_password_masked()
    {
        var output = _folder.Combine("rows.csv");

        var (code, stdout, stderr) = await RunAgentAsync("query", "--connection", Connection, "--sql", Sql, "--type", "interval",
            "--from", "2026-03-29T08:00", "--to", "2026-03-29T09:00", "--output", output);

        Assert.Equal(0, code);
        Assert.Contains("2 row(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("Süd 😀", stdout, StringComparison.Ordinal);
        Assert.Contains("PWD=***", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(
            "queueidentifier,queuename,timestamp,offered,answered,handlingtime,channel\r\n" +
            "1,Sales,2026-03-29 08:00:00,5,4,100.5,calls\r\n2,Süd 😀,2026-03-29 08:15:00,3,3,50,calls\r\n",
            await File.ReadAllTextAsync(output));
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task A_query_lacking_required_columns_lists_them_and_exits_6()
    {
        var (code, stdout, _) = await RunAgentAsync("query", "--connection", Connection, "--sql", "SELECT q AS queueidentifier, ts AS timestamp FROM c", "--type", "interval");

        Assert.Equal(6, code);
        Assert.Contains("Missing required column(s) for interval: queuename, offered, answered, handlingtime", stdout, StringComparison.Ordinal);
    }

    [SkippableOdbcFact("SQLite3")]
    public async Task A_failing_query_reports_the_driver_error_and_exits_6()
    {
        var (code, _, stderr) = await RunAgentAsync("query", "--connection", Connection, "--sql", "SELECT * FROM missing_table");

        Assert.Equal(6, code);
        Assert.Contains("missing_table", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DRIVER={No Such Driver};Database=x", "the ODBC driver is not installed, or its name is misspelt")]
    [InlineData("this is not a connection string", "[IM002]")]
    public async Task A_driver_that_is_not_installed_or_a_bad_connection_string_says_what_to_check(string connection, string expected)
    {
        var (code, _, stderr) = await RunAgentAsync("query", "--connection", connection, "--sql", "SELECT 1");

        Assert.Equal(6, code);
        Assert.Contains("Connecting to the database failed", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Contains("odbcinst -q -d", stderr, StringComparison.Ordinal);
    }

    [SkippableOdbcFact("PostgreSQL Unicode")]
    public async Task A_database_server_that_is_down_is_named_with_the_sqlstate_and_the_password_masked()
    {
        var (code, _, stderr) = await RunAgentAsync("query", "--connection", "DRIVER={PostgreSQL Unicode};Server=127.0.0.1;Port=9;Database=acd;UID=wfm;PWD=s3cret", "--sql", "SELECT 1");

        Assert.Equal(6, code);
        Assert.Contains("[08001]", stderr, StringComparison.Ordinal);
        Assert.Contains("could not be reached: check host, port", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_without_a_type_is_a_usage_error()
    {
        var (code, _, stderr) = await RunAgentAsync("query", "--connection", "DSN=x", "--sql", "SELECT 1", "--from", "2026-01-01", "--to", "2026-01-02");

        Assert.Equal(2, code);
        Assert.Contains("--type", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
