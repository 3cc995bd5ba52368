using System.Text;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc;
using CloudLink.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CloudLink.Tests.Odbc;

/// <summary>Our ODBC reader against Debian's SQLite ODBC driver (no wide entry points: UTF-8 through the ANSI calls).</summary>
public sealed class SqliteOdbcTests : IDisposable
{
    private readonly TempFolder _folder = new("cloudlink-sqlite");
    private readonly string _database;

    public SqliteOdbcTests()
    {
        _database = _folder.Combine("acd.db");
        using var connection = new SqliteConnection($"Data Source={_database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE contacts (id INTEGER, queue VARCHAR(50), note TEXT, offered INTEGER, aht DOUBLE, amount NUMERIC(10,2), ts TIMESTAMP, day DATE, at TIME, flag BIT);
            INSERT INTO contacts VALUES (1, 'Sales Nord', 'Grüße 😀 ümlaut', 12, 183.5, 12.34, '2026-03-29 01:30:00', '2026-03-29', '01:30:00', 1);
            INSERT INTO contacts VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO contacts VALUES (3, 'Support "EU", 2nd', 'line one
            line two', 0, 0, -1.5, '2026-10-25 02:30:00.250', '2026-10-25', '23:59:59', 0);
            """;
        command.ExecuteNonQuery();
    }

    private string ConnectionString => $"DRIVER={{SQLite3}};Database={_database}";

    private List<object?[]> ReadAll(string sql, params object?[] parameters) => OdbcTestReader.ReadAll(ConnectionString, sql, parameters);

    [SkippableOdbcFact("SQLite3")]
    public void The_sqlite_driver_is_recognised_as_ansi_only_and_unicode_survives_including_characters_outside_the_BMP()
    {
        using (var connection = OdbcConnection.Open(ConnectionString, TimeSpan.FromSeconds(10)))
        {
            Assert.True(connection.UsesUtf8Ansi, $"driver {connection.DriverName} should have no wide entry points");
        }

        var rows = ReadAll("SELECT note FROM contacts WHERE id = ?", 1L);

        Assert.Equal("Grüße 😀 ümlaut", Assert.Single(rows)[0]);
    }

    [SkippableOdbcFact("SQLite3")]
    public void Characters_outside_the_BMP_in_the_sql_text_and_in_parameters_reach_the_driver_whole()
    {
        var row = Assert.Single(ReadAll("SELECT '😀x😀y' AS a, ? AS b, length('𝄞😀') AS c", "p😀q😀"));

        Assert.Equal(new object?[] { "😀x😀y", "p😀q😀", 2L }, row);
    }

    [SkippableOdbcFact("SQLite3")]
    public void Types_and_nulls_are_mapped_faithfully()
    {
        var rows = ReadAll("SELECT id, queue, offered, aht, ts, day, at, flag FROM contacts ORDER BY id");

        Assert.Equal(new object?[] { 1L, "Sales Nord", 12L, 183.5, new DateTime(2026, 3, 29, 1, 30, 0), new DateOnly(2026, 3, 29), "01:30:00", true }, rows[0]);
        Assert.Equal(new object?[] { 2L, null, null, null, null, null, null, null }, rows[1]);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0, 250), rows[2][4]);
    }

    [SkippableOdbcFact("SQLite3")]
    public void Timestamps_are_bound_as_parameters_not_spliced()
    {
        var rows = ReadAll("SELECT id FROM contacts WHERE ts >= ? AND ts < ?", new DateTime(2026, 3, 29, 0, 0, 0), new DateTime(2026, 3, 30, 0, 0, 0));

        Assert.Equal([1L], rows.Select(row => row[0]));
        Assert.Empty(ReadAll("SELECT id FROM contacts WHERE queue = ?", "x' OR '1'='1"));
    }

    [SkippableOdbcFact("SQLite3")]
    public void A_long_text_beyond_the_bound_buffer_is_read_completely()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789äöü😀", 20_000));
        using (var connection = new SqliteConnection($"Data Source={_database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO contacts (id, note) VALUES (4, $note)";
            command.Parameters.AddWithValue("$note", text);
            command.ExecuteNonQuery();
        }

        var rows = ReadAll("SELECT id, note FROM contacts ORDER BY id");

        Assert.Equal(text, rows[3][1]);
        Assert.Equal("Grüße 😀 ümlaut", rows[0][1]);
    }

    [SkippableOdbcFact("SQLite3")]
    public void Rows_are_written_as_csv_with_quoting_and_empty_nulls()
    {
        using var connection = OdbcConnection.Open(ConnectionString, TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        using var output = new MemoryStream();
        using (var csv = new CsvUtf8Writer(output))
        {
            using var reader = command.ExecuteReader("SELECT id, queue, note, aht, ts, flag FROM contacts ORDER BY id", [], CancellationToken.None);
            while (reader.Read())
            {
                for (var i = 0; i < reader.Columns.Count; i++)
                {
                    reader.WriteTo(i, csv);
                }

                csv.EndRow();
            }
        }

        Assert.Equal(
            "1,Sales Nord,Grüße 😀 ümlaut,183.5,2026-03-29 01:30:00,1\r\n" +
            "2,,,,,\r\n" +
            "3,\"Support \"\"EU\"\", 2nd\",\"line one\nline two\",0,2026-10-25 02:30:00.25,0\r\n",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    [SkippableOdbcFact("SQLite3")]
    public void A_driver_error_carries_its_sqlstate_and_message()
    {
        var error = Assert.Throws<OdbcException>(() => ReadAll("SELECT nope FROM contacts"));

        Assert.Matches("^[0-9A-Z]{5}$", error.SqlState);
        Assert.Contains("nope", error.DriverMessage, StringComparison.Ordinal);
    }

    [SkippableOdbcFact("SQLite3")]
    public void A_driver_that_is_not_installed_is_reported_with_what_to_check()
    {
        var error = Assert.Throws<OdbcException>(() => OdbcConnection.Open("DRIVER={No Such Driver};Database=x", TimeSpan.FromSeconds(5)));

        Assert.Contains(error.SqlState, new[] { "IM002", "01000" });
        Assert.Contains("'odbcinst -q -d' lists the installed drivers", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
