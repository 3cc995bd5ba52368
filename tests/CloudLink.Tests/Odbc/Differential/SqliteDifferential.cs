using System.Globalization;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>
/// SQLite through Debian's SQLite ODBC driver, which has no wide entry points (text is UTF-8 through
/// the ANSI calls); the client is sqlite3 -csv. SQLite does not enforce declared lengths, so a
/// varchar(8) can hold more than its declared size. Its shell prints a double with 15 digits, so
/// doubles are generated with at most 15.
/// </summary>
public sealed class SqliteDifferential : DifferentialDatabase
{
    private readonly TempFolder _folder = new("cloudlink-differential");

    private string File => _folder.Combine("acd.db");

    public override string Name => "SQLite";

    public override string ConnectionString => $"DRIVER={{SQLite3}};Database={File}";

    public override IReadOnlyList<ColumnSpec> Columns =>
    [
        new("c_integer", "integer", ValueClass.WholeNumber, v => v.WholeNumber(long.MinValue, long.MaxValue)),
        new("c_bigint", "bigint", ValueClass.WholeNumber, v => v.WholeNumber(long.MinValue, long.MaxValue)),
        new("c_smallint", "smallint", ValueClass.WholeNumber, v => v.WholeNumber(short.MinValue, short.MaxValue)),
        new("c_tinyint", "tinyint", ValueClass.WholeNumber, v => v.WholeNumber(sbyte.MinValue, sbyte.MaxValue)),
        new("c_real", "real", ValueClass.DoublePrecision, v => v.Chance(0.05) ? v.Pick(["9e999", "-9e999", "0.0"]) : Fifteen(v)),
        new("c_double", "double", ValueClass.DoublePrecision, Fifteen),
        new("c_float", "float", ValueClass.DoublePrecision, Fifteen),
        new("c_numeric", "numeric(38,10)", ValueClass.DoublePrecision, v => v.ExactNumber(15, v.Between(0, 6))),
        new("c_decimal", "decimal(5,2)", ValueClass.ExactNumber, v => v.ExactNumber(5, 2)),
        new("c_boolean", "boolean", ValueClass.Boolean, v => v.Chance(0.5) ? "1" : "0"),
        new("c_bit", "bit", ValueClass.Boolean, v => v.Chance(0.5) ? "1" : "0"),
        new("c_char", "char(8)", ValueClass.Text, v => StringLiteral(v.ShortText(8))),
        new("c_varchar", "varchar(8)", ValueClass.Text, v => StringLiteral(v.Chance(0.1) ? v.Text(v.Between(31, 33), TextMeasure.Utf8) : v.ShortText(8))) { MayBeLong = true },
        new("c_text", "text", ValueClass.Text, v => StringLiteral(TextLengths.LongText(v, TextMeasure.Utf8))) { MayBeLong = true },
        new("c_date", "date", ValueClass.Date, v => $"'{(v.Chance(0.05) ? v.Pick(["0001-01-01", "9999-12-31"]) : v.Timestamp().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}'"),
        new("c_time", "time", ValueClass.Time, v => $"'{v.Timestamp():HH:mm:ss.FFFFFF}'"),
        new("c_timestamp", "timestamp", ValueClass.Timestamp, v => $"'{v.Timestamp():yyyy-MM-dd HH:mm:ss.FFFFFF}'"),
        new("c_blob", "blob", ValueClass.Binary, v => BinaryLiteral(TextLengths.LongBytes(v)))
        {
            ClientExpression = "CASE WHEN {0} IS NULL THEN NULL ELSE hex({0}) END",
            MayBeLong = true,
        },
    ];

    public override void Execute(string script) => Command.Output("sqlite3", [File], script);

    public override List<string?[]> Dump(string sql) => CsvRows.Parse(Command.Output("sqlite3", ["-csv", File, sql]));

    public override string StringLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public override string BinaryLiteral(byte[] bytes) => $"X'{Convert.ToHexString(bytes)}'";

    /// <summary>
    /// The driver describes a BIGINT column with SQL_DESC_CONCISE_TYPE -25 (SQL_C_SBIGINT, a C type),
    /// and System.Data.Odbc then refuses every value of the result ("Unknown SQL type - -25");
    /// column by column it still reads all the others.
    /// </summary>
    public override bool OracleReadsColumnsAlone => true;

    public override string? KnownOracleDefect(ColumnSpec column, string? expected, string? oracle) => column.Class switch
    {
        _ when column.Declaration == "bigint" && oracle == "!ArgumentException: Unknown SQL type - -25." =>
            "the SQLite driver describes BIGINT with SQL_DESC_CONCISE_TYPE -25 (a C type), which System.Data.Odbc refuses",
        ValueClass.WholeNumber when column.Declaration == "integer" && long.TryParse(expected, CultureInfo.InvariantCulture, out var whole) &&
                                    oracle == unchecked((int)whole).ToString(CultureInfo.InvariantCulture) =>
            "System.Data.Odbc reads SQLite's 64-bit INTEGER, which the driver reports as SQL_INTEGER, as a 32-bit int",
        ValueClass.Time when TimeStructLoss(expected, oracle) => TimeStructReason,
        ValueClass.Binary when expected is not null && oracle == $"X'{expected}'" =>
            "System.Data.Odbc reads a BLOB as the text X'…', as the SQLite driver describes it to SQLColAttribute as character data",
        _ => null,
    };

    public override void Dispose()
    {
        _folder.Dispose();
        base.Dispose();
    }

    private static string Fifteen(RandomValues values) => values.DoublePrecision(significantDigits: 15).ToString("R", CultureInfo.InvariantCulture);
}
