using System.Text;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc;

namespace CloudLink.Tests.Odbc;

/// <summary>Our ODBC reader against psqlODBC and a real PostgreSQL server on 127.0.0.1.</summary>
public sealed class PostgreSqlOdbcTests
{
    private static readonly Lazy<string> Database = new(() =>
    {
        var name = PostgreSqlServer.CreateDatabase();
        PostgreSqlServer.Execute(name, """
            CREATE TABLE contacts (
                id bigint, small smallint, queue varchar(40), note text, offered integer, aht double precision, ratio real,
                amount numeric(12,4), flag boolean, day date, at time, ts timestamp, tstz timestamptz);
            INSERT INTO contacts VALUES
                (1, 7, 'Sales Nord', 'Grüße 😀 𝄞 ümlaut', 12, 183.5, 0.25, 12345678.1234, true, '2026-03-29', '01:30:00', '2026-03-29 01:30:00.123456', '2026-03-29 01:30:00+01'),
                (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                (3, -1, 'Support "EU", 2nd', E'line one\nline two', 0, -0.5, 1e-3, -0.0001, false, '1999-12-31', '23:59:59', '2026-10-25 02:30:00', '2026-10-25 02:30:00-07');
            """);
        return name;
    });

    private static List<object?[]> ReadAll(string sql, params object?[] parameters) => OdbcTestReader.ReadAll(PostgreSqlServer.ConnectionString(Database.Value), sql, parameters);

    [PostgreSqlFact]
    public void The_unicode_driver_is_used_through_wide_calls_and_characters_outside_the_BMP_survive()
    {
        using (var connection = OdbcConnection.Open(PostgreSqlServer.ConnectionString(Database.Value), TimeSpan.FromSeconds(10)))
        {
            Assert.False(connection.UsesUtf8Ansi);
            Assert.Equal("PostgreSQL", connection.DbmsName);
        }

        Assert.Equal("Grüße 😀 𝄞 ümlaut", Assert.Single(ReadAll("SELECT note FROM contacts WHERE id = ?", 1L))[0]);
    }

    [PostgreSqlFact]
    public void Every_mapped_type_and_null_comes_back_faithfully()
    {
        var rows = ReadAll("SELECT id, small, queue, offered, aht, ratio, amount, flag, day, at, ts, tstz FROM contacts ORDER BY id");

        Assert.Equal(new object?[]
        {
            1L, 7L, "Sales Nord", 12L, 183.5, 0.25f, "12345678.1234", true, new DateOnly(2026, 3, 29), "01:30:00",
            new DateTime(2026, 3, 29, 1, 30, 0).AddTicks(1234560), new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero),
        }, rows[0]);
        Assert.All(rows[1].Skip(1), Assert.Null);
        Assert.Equal("-0.0001", rows[2][6]);
        Assert.Equal(false, rows[2][7]);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 9, 30, 0, TimeSpan.Zero), rows[2][11]);
    }

    [PostgreSqlFact]
    public void Parameters_are_bound_and_a_long_text_beyond_the_bound_buffer_is_read_completely()
    {
        var text = string.Concat(Enumerable.Repeat("Grüße 😀 0123456789", 10_000));
        using (var connection = OdbcConnection.Open(PostgreSqlServer.ConnectionString(Database.Value), TimeSpan.FromSeconds(10)))
        using (var command = connection.CreateCommand())
        {
            command.ExecuteNonQuery("INSERT INTO contacts (id, note, ts) VALUES (?, ?, ?)", [new(100L), new(text), new(new DateTime(2030, 1, 1))], CancellationToken.None);
        }

        var rows = ReadAll("SELECT id, note FROM contacts WHERE ts >= ? ORDER BY id", new DateTime(2029, 12, 31));

        Assert.Equal(text, Assert.Single(rows)[1]);
    }

    [PostgreSqlFact]
    public void Many_rows_stream_through_the_block_cursor_into_csv()
    {
        using var connection = OdbcConnection.Open(PostgreSqlServer.ConnectionString(Database.Value), TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        using var output = new MemoryStream();
        long rows;
        using (var csv = new CsvUtf8Writer(output))
        using (var reader = command.ExecuteReader(
            "SELECT g AS id, 'queue ' || g AS name, timestamp '2026-01-01' + g * interval '1 second' AS ts FROM generate_series(1, 50000) g", [], CancellationToken.None))
        {
            Assert.True(reader.RowArraySize > 100, $"block size {reader.RowArraySize}");
            while (reader.Read())
            {
                for (var i = 0; i < reader.Columns.Count; i++)
                {
                    reader.WriteTo(i, csv);
                }

                csv.EndRow();
            }

            rows = reader.RowsRead;
        }

        Assert.Equal(50000, rows);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("50000,queue 50000,2026-01-01 13:53:20", lines[^1]);
    }

    [PostgreSqlFact]
    public void A_server_error_carries_the_sqlstate()
    {
        var error = Assert.Throws<OdbcException>(() => ReadAll("SELECT * FROM no_such_table"));

        Assert.Equal("42P01", error.SqlState);
        Assert.Contains("no_such_table", error.DriverMessage, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public void A_wrong_password_is_reported_as_refused_credentials()
    {
        var connectionString = PostgreSqlServer.ConnectionString().Replace("PWD=", "PWD=wrong", StringComparison.Ordinal);

        var error = Assert.Throws<OdbcException>(() => OdbcConnection.Open(connectionString, TimeSpan.FromSeconds(10)));

        Assert.Contains("password", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [PostgreSqlFact]
    public void A_running_query_is_cancelled()
    {
        using var connection = OdbcConnection.Open(PostgreSqlServer.ConnectionString(Database.Value), TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var started = DateTime.UtcNow;

        Assert.ThrowsAny<Exception>(() => command.ExecuteNonQuery("SELECT pg_sleep(30)", [], cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}
