using System.Globalization;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>PostgreSQL through psqlODBC; the client is psql (\copy ... csv). The database's time zone is Europe/Berlin, so timestamptz crosses real daylight-saving changes.</summary>
public sealed class PostgreSqlDifferential : DifferentialDatabase
{
    private readonly string _database = PostgreSqlServer.CreateDatabase();

    public PostgreSqlDifferential()
    {
        PostgreSqlServer.Execute(_database, $"ALTER DATABASE {_database} SET timezone TO 'Europe/Berlin'");
    }

    public override string Name => "PostgreSQL";

    public override string ConnectionString => PostgreSqlServer.ConnectionString(_database);

    public override IReadOnlyList<ColumnSpec> Columns =>
    [
        new("c_smallint", "smallint", ValueClass.WholeNumber, v => v.WholeNumber(short.MinValue, short.MaxValue)),
        new("c_integer", "integer", ValueClass.WholeNumber, v => v.WholeNumber(int.MinValue, int.MaxValue)),
        new("c_bigint", "bigint", ValueClass.WholeNumber, v => v.WholeNumber(long.MinValue, long.MaxValue)),
        new("c_numeric_38", "numeric(38,10)", ValueClass.ExactNumber, v => v.ExactNumber(38, 10)),
        new("c_numeric_5", "numeric(5,2)", ValueClass.ExactNumber, v => v.ExactNumber(5, 2)),
        new("c_numeric", "numeric", ValueClass.ExactNumber, v => v.Chance(0.03) ? v.ExactNumber(120, 30) : v.ExactNumber(v.Between(2, 45), v.Between(0, 1) * v.Between(0, 15))) { MayBeLong = true },
        new("c_real", "real", ValueClass.SinglePrecision, v => FloatLiteral(v.Chance(0.06) ? v.Pick(["NaN", "Infinity", "-Infinity", "-0", "3.4028235e38", "1.4e-45"]) : v.SinglePrecision(sixDigits: false).ToString("R", CultureInfo.InvariantCulture))),
        new("c_double", "double precision", ValueClass.DoublePrecision, v => FloatLiteral(v.Chance(0.06) ? v.Pick(["NaN", "Infinity", "-Infinity", "-0", "1.7976931348623157e308", "5e-324"]) : v.DoublePrecision().ToString("R", CultureInfo.InvariantCulture))),
        new("c_boolean", "boolean", ValueClass.Boolean, v => v.Chance(0.5) ? "true" : "false"),
        new("c_char", "char(8)", ValueClass.Text, v => StringLiteral(v.ShortText(8))),
        new("c_varchar", "varchar(8)", ValueClass.Text, v => StringLiteral(v.ShortText(8))),
        new("c_varchar_long", "varchar(3000)", ValueClass.Text, v => StringLiteral(Cut(TextLengths.LongText(v, TextMeasure.Utf16), 3000))) { MayBeLong = true },
        new("c_text", "text", ValueClass.Text, v => StringLiteral(TextLengths.LongText(v, TextMeasure.Utf16))) { MayBeLong = true },
        new("c_date", "date", ValueClass.Date, v => $"'{(v.Chance(0.05) ? v.Pick(["0001-01-01", "9999-12-31"]) : v.Timestamp().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}'"),
        new("c_time", "time(6)", ValueClass.Time, v => $"'{(v.Chance(0.05) ? v.Pick(["00:00:00", "23:59:59.999999"]) : v.Timestamp().ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture))}'"),
        new("c_timestamp", "timestamp(6)", ValueClass.Timestamp, v => $"'{v.Timestamp():yyyy-MM-dd HH:mm:ss.FFFFFF}'"),
        new("c_timestamptz", "timestamptz(6)", ValueClass.TimestampWithZone, v => $"'{v.Timestamp():yyyy-MM-dd HH:mm:ss.FFFFFF}+00'"),
        new("c_bytea", "bytea", ValueClass.Binary, v => BinaryLiteralOf(TextLengths.LongBytes(v))) { MayBeLong = true },
    ];

    public override void Execute(string script) =>
        Support.Command.Output("psql", [.. ClientArguments(), "-v", "ON_ERROR_STOP=1", "-f", "-"], script, ClientEnvironment);

    public override List<string?[]> Dump(string sql) =>
        CsvRows.Parse(Support.Command.Output("psql", [.. ClientArguments(), "-c", $"\\copy ({sql}) to stdout with (format csv)"], environment: ClientEnvironment));

    public override string StringLiteral(string text) => StringLiteralOf(text);

    public override string BinaryLiteral(byte[] bytes) => BinaryLiteralOf(bytes);

    public override string? KnownOracleDefect(ColumnSpec column, string? expected, string? oracle) => column.Class switch
    {
        ValueClass.TimestampWithZone when expected is not null && oracle == BerlinWallTime(expected) =>
            "System.Data.Odbc returns timestamptz as the session's local wall time (Europe/Berlin here) without its offset",
        ValueClass.ExactNumber when expected is not null && Digits(expected) > 28 =>
            "System.Data.Odbc's GetValue converts NUMERIC to System.Decimal (28-29 digits): rounded or overflowed",
        ValueClass.Time when TimeStructLoss(expected, oracle) => TimeStructReason,
        _ => null,
    };

    public override void Dispose()
    {
        PostgreSqlServer.Execute("postgres", $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        base.Dispose();
    }

    /// <summary>The Europe/Berlin wall time of a canonical UTC instant, in the form Canonical gives a DateTime read as UTC.</summary>
    private static string BerlinWallTime(string utc)
    {
        var instant = DateTime.ParseExact(utc.TrimEnd('Z'), "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        return Canonical.FromObject(ValueClass.TimestampWithZone, DateTime.SpecifyKind(local, DateTimeKind.Unspecified))!;
    }

    private static int Digits(string number) => number.Count(char.IsAsciiDigit);

    /// <summary>At most <paramref name="characters"/> characters, as varchar(n) counts them.</summary>
    private static string Cut(string text, int characters) => string.Concat(text.EnumerateRunes().Take(characters));

    private static string StringLiteralOf(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string BinaryLiteralOf(byte[] bytes) => $"'\\x{Convert.ToHexString(bytes)}'::bytea";

    private static string FloatLiteral(string text) => $"'{text}'";

    private string[] ClientArguments() =>
    [
        "-X", "-q", "-h", Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_HOST") ?? "127.0.0.1", "-p", PostgreSqlServer.Port!,
        "-U", Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_USER") ?? "postgres", "-d", _database,
    ];

    private static Dictionary<string, string> ClientEnvironment => new()
    {
        ["PGPASSWORD"] = Environment.GetEnvironmentVariable("CLOUDLINK_TEST_PG_PASSWORD") ?? "",
        ["PGCLIENTENCODING"] = "UTF8",
    };
}
