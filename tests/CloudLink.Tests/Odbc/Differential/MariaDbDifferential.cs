using System.Globalization;
using System.Text;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>MariaDB through MariaDB Connector/ODBC; the client is mariadb -B (tab-separated, backslash escapes, NULL spelt out).</summary>
public sealed class MariaDbDifferential : DifferentialDatabase
{
    private readonly string _database = MariaDbServer.CreateDatabase();

    public override string Name => "MariaDB";

    public override string ConnectionString => MariaDbServer.ConnectionString(_database);

    public override IReadOnlyList<ColumnSpec> Columns =>
    [
        new("c_tinyint", "tinyint", ValueClass.WholeNumber, v => v.WholeNumber(sbyte.MinValue, sbyte.MaxValue)),
        new("c_tinyint_u", "tinyint unsigned", ValueClass.WholeNumber, v => v.WholeNumber(0, byte.MaxValue)),
        new("c_smallint", "smallint", ValueClass.WholeNumber, v => v.WholeNumber(short.MinValue, short.MaxValue)),
        new("c_smallint_u", "smallint unsigned", ValueClass.WholeNumber, v => v.WholeNumber(0, ushort.MaxValue)),
        new("c_mediumint", "mediumint", ValueClass.WholeNumber, v => v.WholeNumber(-8388608, 8388607)),
        new("c_int", "int", ValueClass.WholeNumber, v => v.WholeNumber(int.MinValue, int.MaxValue)),
        new("c_int_u", "int unsigned", ValueClass.WholeNumber, v => v.WholeNumber(0, uint.MaxValue)),
        new("c_bigint", "bigint", ValueClass.WholeNumber, v => v.WholeNumber(long.MinValue, long.MaxValue)),
        new("c_bigint_u", "bigint unsigned", ValueClass.WholeNumber, v => v.WholeNumber(0, ulong.MaxValue)),
        new("c_decimal_38", "decimal(38,10)", ValueClass.ExactNumber, v => v.ExactNumber(38, 10)),
        new("c_decimal_65", "decimal(65,30)", ValueClass.ExactNumber, v => v.ExactNumber(65, 30)),
        new("c_decimal_5", "decimal(5,2)", ValueClass.ExactNumber, v => v.ExactNumber(5, 2)),
        new("c_float", "float", ValueClass.SinglePrecision, v => v.SinglePrecision(sixDigits: true).ToString("R", CultureInfo.InvariantCulture)),
        new("c_double", "double", ValueClass.DoublePrecision, v => v.Chance(0.05) ? v.Pick(["1.7976931348623157e308", "-1.7976931348623157e308", "2.2250738585072014e-308", "0"]) : v.DoublePrecision().ToString("R", CultureInfo.InvariantCulture)),
        new("c_boolean", "boolean", ValueClass.Boolean, v => v.Chance(0.5) ? "1" : "0"),
        new("c_bit", "bit(1)", ValueClass.Boolean, v => v.Chance(0.5) ? "b'1'" : "b'0'") { ClientExpression = "({0}+0)" },
        new("c_char", "char(8)", ValueClass.Text, v => StringLiteral(v.ShortText(8))),
        new("c_varchar", "varchar(8)", ValueClass.Text, v => StringLiteral(v.ShortText(8))),
        new("c_nvarchar", "nvarchar(8)", ValueClass.Text, v => StringLiteral(v.ShortText(8, outsideBmp: false))),
        new("c_varchar_long", "varchar(3000)", ValueClass.Text, v => StringLiteral(string.Concat(TextLengths.LongText(v, TextMeasure.Utf16).EnumerateRunes().Take(3000)))) { MayBeLong = true },
        new("c_text", "text", ValueClass.Text, v => StringLiteral(TextLengths.LongText(v, TextMeasure.Utf16))) { MayBeLong = true },
        new("c_longtext", "longtext", ValueClass.Text, v => StringLiteral(TextLengths.LongText(v, TextMeasure.Utf16))) { MayBeLong = true },
        new("c_date", "date", ValueClass.Date, v => $"'{(v.Chance(0.05) ? v.Pick(["1000-01-01", "9999-12-31"]) : v.Timestamp().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}'"),
        new("c_time", "time(6)", ValueClass.Time, v => $"'{(v.Chance(0.06) ? v.Pick(["-838:59:59", "838:59:59", "-00:00:01.5", "100:00:00.000001"]) : v.Timestamp().ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture))}'"),
        new("c_datetime", "datetime(6)", ValueClass.Timestamp, v => $"'{v.Timestamp():yyyy-MM-dd HH:mm:ss.FFFFFF}'"),
        new("c_varbinary", "varbinary(16)", ValueClass.Binary, v => BinaryLiteral(v.Bytes(v.Between(0, 16)))) { ClientExpression = "HEX({0})" },
        new("c_blob", "blob", ValueClass.Binary, v => BinaryLiteral(TextLengths.LongBytes(v))) { ClientExpression = "HEX({0})", MayBeLong = true },
    ];

    public override void Execute(string script) => Support.Command.Output("mariadb", ClientArguments(), script);

    public override List<string?[]> Dump(string sql) =>
        Support.Command.Output("mariadb", [.. ClientArguments(), "-B", "-N", "-e", sql])
            .Split('\n')[..^1]
            .Select(line => line.Split('\t').Select(Unescape).ToArray())
            .ToList();

    /// <summary>Backslashes and quotes escaped as MySQL wants them in a literal (NO_BACKSLASH_ESCAPES is off).</summary>
    public override string StringLiteral(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public override string BinaryLiteral(byte[] bytes) => bytes.Length == 0 ? "''" : $"X'{Convert.ToHexString(bytes)}'";

    public override string? KnownOracleDefect(ColumnSpec column, string? expected, string? oracle) => column.Class switch
    {
        ValueClass.ExactNumber when expected is not null && expected.Count(char.IsAsciiDigit) > 28 =>
            "System.Data.Odbc's GetValue converts DECIMAL to System.Decimal (28-29 digits): rounded or overflowed",
        ValueClass.Time when TimeStructLoss(expected, oracle) => TimeStructReason,
        _ when oracle is not null && oracle.StartsWith("!OdbcException", StringComparison.Ordinal) && oracle.Contains("[22007]", StringComparison.Ordinal) &&
               oracle.Contains("Invalid datetime format", StringComparison.Ordinal) =>
            "System.Data.Odbc's SQL_TIME_STRUCT cannot hold a TIME beyond 0-24 h: the driver refuses it (22007), and System.Data.Odbc fails the row's later values with the same error",
        _ => null,
    };

    /// <summary>mariadb -B escapes NUL, tab, newline and backslash, and prints NULL as NULL.</summary>
    private static string? Unescape(string field)
    {
        if (field == "NULL")
        {
            return null;
        }

        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                text.Append(field[i]);
                continue;
            }

            text.Append(field[++i] switch
            {
                'n' => '\n',
                't' => '\t',
                '0' => '\0',
                var other => other,
            });
        }

        return text.ToString();
    }

    private string[] ClientArguments() =>
    [
        "--no-defaults", "--default-character-set=utf8mb4", "-h", Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_HOST") ?? "127.0.0.1",
        "-P", Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_PORT")!, "-u", Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_USER")!,
        $"-p{Environment.GetEnvironmentVariable("CLOUDLINK_TEST_MARIADB_PASSWORD")}", _database,
    ];

    public override void Dispose()
    {
        MariaDbServer.Execute("cloudlink", $"DROP DATABASE IF EXISTS {_database}");
        base.Dispose();
    }
}
