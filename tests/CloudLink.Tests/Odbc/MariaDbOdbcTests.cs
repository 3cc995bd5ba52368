using CloudLink.Core.Database;
using CloudLink.Core.Odbc;

namespace CloudLink.Tests.Odbc;

/// <summary>Our ODBC reader against MariaDB Connector/ODBC and a real MariaDB server on 127.0.0.1.</summary>
public sealed class MariaDbOdbcTests
{
    private static readonly Lazy<string> Database = new(() =>
    {
        var name = MariaDbServer.CreateDatabase();
        MariaDbServer.Execute(name, """
            CREATE TABLE contacts (
                id bigint, small smallint, queue varchar(40), note mediumtext, offered int, aht double, ratio float,
                amount decimal(12,4), flag bit(1), day date, at time, ts datetime(6), stamp timestamp NULL);
            INSERT INTO contacts VALUES
                (1, 7, 'Sales Nord', 'Grüße 😀 𝄞 ümlaut', 12, 183.5, 0.25, 12345678.1234, 1, '2026-03-29', '01:30:00', '2026-03-29 01:30:00.123456', '2026-03-29 01:30:00'),
                (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                (3, -1, 'Support "EU", 2nd', 'line one\nline two', 0, -0.5, 0.001, -0.0001, 0, '1999-12-31', '23:59:59', '2026-10-25 02:30:00', '2026-10-25 02:30:00')
            """);
        return name;
    });

    private static List<object?[]> ReadAll(string sql, params object?[] parameters) => OdbcTestReader.ReadAll(MariaDbServer.ConnectionString(Database.Value), sql, parameters);

    [MariaDbFact]
    public void Identifiers_are_quoted_with_backticks_and_characters_outside_the_BMP_survive()
    {
        using (var connection = OdbcConnection.Open(MariaDbServer.ConnectionString(Database.Value), TimeSpan.FromSeconds(10)))
        {
            Assert.Equal("`", connection.IdentifierQuote);
            Assert.False(connection.UsesUtf8Ansi);
        }

        Assert.Equal("Grüße 😀 𝄞 ümlaut", Assert.Single(ReadAll("SELECT note FROM contacts WHERE id = ?", 1L))[0]);
    }

    [MariaDbFact]
    public void Characters_outside_the_BMP_in_the_sql_text_and_in_parameters_reach_the_server_whole()
    {
        // The SQL text goes NUL-terminated (SQL_NTS), so no driver can cut it short by counting its length in characters.
        var row = Assert.Single(ReadAll("SELECT '😀x😀y' AS a, ? AS b, CHAR_LENGTH('𝄞😀') AS c", "p😀q😀"));

        Assert.Equal(new object?[] { "😀x😀y", "p😀q😀", 2L }, row);
    }

    [MariaDbFact]
    public void Every_mapped_type_and_null_comes_back_faithfully()
    {
        var rows = ReadAll("SELECT id, small, queue, offered, aht, amount, flag, day, at, ts, stamp FROM contacts ORDER BY id");

        Assert.Equal(new object?[]
        {
            1L, 7L, "Sales Nord", 12L, 183.5, "12345678.1234", true, new DateOnly(2026, 3, 29), "01:30:00",
            new DateTime(2026, 3, 29, 1, 30, 0).AddTicks(1234560), new DateTime(2026, 3, 29, 1, 30, 0),
        }, rows[0]);
        Assert.All(rows[1].Skip(1), Assert.Null);
        Assert.Equal("Support \"EU\", 2nd", rows[2][2]);
        Assert.Equal("-0.0001", rows[2][5]);
        Assert.Equal(false, rows[2][6]);
        Assert.Equal("line one\nline two", Assert.Single(ReadAll("SELECT note FROM contacts WHERE id = 3"))[0]);
    }

    [MariaDbFact]
    public void A_window_over_the_time_column_returns_only_its_rows()
    {
        var type = DataType.Parse("interval");
        var query = "SELECT id AS queueidentifier, queue AS queuename, ts AS timestamp, offered FROM contacts";

        var rows = ReadAll(WindowQuery.Window(query, type, "`"), new DateTime(2026, 3, 29, 1, 0, 0), new DateTime(2026, 3, 29, 2, 0, 0));

        Assert.Equal("Sales Nord", Assert.Single(rows)[1]);
    }

    [MariaDbFact]
    public void A_server_error_carries_the_sqlstate_and_a_long_text_is_read_completely()
    {
        var error = Assert.Throws<OdbcException>(() => ReadAll("SELECT * FROM no_such_table"));
        Assert.Equal("42S02", error.SqlState);
        Assert.Contains("no_such_table", error.DriverMessage, StringComparison.Ordinal);

        var text = string.Concat(Enumerable.Repeat("Grüße 😀 0123456789", 5_000));
        using (var connection = OdbcConnection.Open(MariaDbServer.ConnectionString(Database.Value), TimeSpan.FromSeconds(10)))
        using (var command = connection.CreateCommand())
        {
            command.ExecuteNonQuery("INSERT INTO contacts (id, note) VALUES (?, ?)", [new(100L), new(text)], CancellationToken.None);
        }

        Assert.Equal(text, Assert.Single(ReadAll("SELECT note FROM contacts WHERE id = ?", 100L))[0]);
    }
}
