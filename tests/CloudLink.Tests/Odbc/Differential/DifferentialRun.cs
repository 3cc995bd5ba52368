using System.Globalization;
using System.Text;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc;
using Oracle = System.Data.Odbc;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>One value on which CloudLink's reader, or System.Data.Odbc without a known reason, disagrees with the database's client.</summary>
public sealed record Disagreement(int Query, long Row, string Column, string Declaration, string? Ours, string? Oracle, string? Expected)
{
    /// <summary>True when CloudLink's value is the one that differs from the client's (else only System.Data.Odbc's does).</summary>
    public bool OursWrong => Ours != Expected;

    public override string ToString() =>
        $"query {Query}, row {Row}, column {Column} ({Declaration}): CloudLink {Show(Ours)}, System.Data.Odbc {Show(Oracle)}, client {Show(Expected)}";

    private static string Show(string? value) => value is null ? "NULL" : value.Length > 120 ? $"'{value[..120]}…' ({value.Length} chars)" : $"'{value}'";
}

/// <summary>What System.Data.Odbc's GetString gave where its GetValue threw.</summary>
public sealed record GetStringFallback(string? Text, string GetValueError);

/// <summary>What one differential run found.</summary>
public sealed class DifferentialReport(string database, int seed, int rows)
{
    public string Database { get; } = database;
    public int Seed { get; } = seed;
    public int Rows { get; } = rows;
    public int Queries { get; set; }
    public long ValuesCompared { get; set; }
    public int BlockQueries { get; set; }
    public int RowByRowQueries { get; set; }
    public List<Disagreement> Disagreements { get; } = [];
    public SortedDictionary<string, int> OracleDefects { get; } = new(StringComparer.Ordinal);

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Database}, seed {Seed} (CLOUDLINK_ODBC_SEED={Seed} replays it): {Rows:N0} generated rows, {Queries} queries " +
                        $"({BlockQueries} read by block cursor, {RowByRowQueries} row by row), {ValuesCompared:N0} values compared three ways, {Disagreements.Count} disagreements " +
                        $"({Disagreements.Count(d => d.OursWrong)} of CloudLink's, {Disagreements.Count(d => !d.OursWrong)} of System.Data.Odbc's without a known reason).");
        if (OracleDefects.Count > 0)
        {
            text.AppendLine("  Where System.Data.Odbc is known to be wrong, CloudLink is held to the client's value:");
        }

        foreach (var (reason, count) in OracleDefects)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  System.Data.Odbc, {count:N0} values: {reason}.");
        }

        foreach (var disagreement in Disagreements.OrderBy(d => d.OursWrong ? 0 : 1).Take(25))
        {
            text.AppendLine("  " + disagreement);
        }

        return text.ToString();
    }
}

/// <summary>
/// Generates a table of every type the database has (from a seed), then reads queries over it
/// (all columns, reversed, short ones only, long ones first and last, and random selections of 1
/// to 40 columns with repeats, half of them of short columns only) through CloudLink's reader into CSV, through System.Data.Odbc,
/// and through the database's own client, and compares every value.
/// </summary>
public static class DifferentialRun
{
    private const double NullShare = 0.08;

    public static DifferentialReport Run(DifferentialDatabase database, int seed, int rows)
    {
        var values = new RandomValues(seed);
        var columns = database.Columns;
        database.Execute(CreateScript(database, columns, values, rows));
        var report = new DifferentialReport(database.Name, seed, rows);
        var queries = Queries(columns, values);
        for (var q = 0; q < queries.Count; q++)
        {
            Compare(database, q + 1, queries[q], report);
        }

        return report;
    }

    /// <summary>Query 3 holds only the columns that always fit their bound elements.</summary>
    public const int ShortColumnsQuery = 3;

    private static List<int[]> Queries(IReadOnlyList<ColumnSpec> columns, RandomValues values)
    {
        var all = Enumerable.Range(0, columns.Count).ToArray();
        var longOnes = all.Where(i => columns[i].MayBeLong).ToArray();
        var shortOnes = all.Where(i => !columns[i].MayBeLong).ToArray();
        List<int[]> queries = [all, [.. all.Reverse()], shortOnes, [.. longOnes, .. shortOnes], [.. shortOnes, .. longOnes]];
        for (var i = 0; i < 6; i++)
        {
            // Half of them from the short columns only, so that the block cursor is compared as often as row by row.
            var pool = i % 2 == 0 ? all : shortOnes;
            queries.Add(Enumerable.Range(0, values.Between(1, 40)).Select(_ => pool[values.Between(0, pool.Length - 1)]).ToArray());
        }

        return queries;
    }

    private static string CreateScript(DifferentialDatabase database, IReadOnlyList<ColumnSpec> columns, RandomValues values, int rows)
    {
        var script = new StringBuilder();
        script.AppendLine(CultureInfo.InvariantCulture, $"CREATE TABLE t ({database.KeyDeclaration}, {string.Join(", ", columns.Select(column => $"{column.Name} {column.Declaration}"))});");
        script.AppendLine(database.Transaction.Begin);
        for (var first = 1; first <= rows; first += 100)
        {
            script.Append("INSERT INTO t VALUES ");
            for (var id = first; id < first + 100 && id <= rows; id++)
            {
                script.Append(id == first ? "(" : ",\n(").Append(id);
                foreach (var column in columns)
                {
                    script.Append(", ").Append(values.Chance(NullShare) ? "NULL" : column.Literal(values));
                }

                script.Append(')');
            }

            script.AppendLine(";");
        }

        script.AppendLine(database.Transaction.End);
        return script.ToString();
    }

    private static void Compare(DifferentialDatabase database, int number, int[] query, DifferentialReport report)
    {
        var columns = database.Columns;
        var sql = Select(query.Select(i => columns[i].Name));
        var clientSql = Select(query.Select(i => string.Format(CultureInfo.InvariantCulture, columns[i].ClientExpression, columns[i].Name)));
        var (ours, rowByRow) = ReadOurs(database.ConnectionString, sql);
        var oracle = database.OracleReadsColumnsAlone
            ? ReadOracleColumnByColumn(database.ConnectionString, query.Select(i => columns[i].Name).ToArray())
            : ReadOracle(database.ConnectionString, sql);
        var expected = database.Dump(clientSql);
        report.Queries++;
        if (rowByRow)
        {
            report.RowByRowQueries++;
        }
        else
        {
            report.BlockQueries++;
        }

        if (number == ShortColumnsQuery && rowByRow)
        {
            report.Disagreements.Add(new Disagreement(number, 0, "(read mode)", "", "row by row", null, "block cursor: every column fits its element"));
        }

        if (ours.Count != expected.Count || oracle.Count != expected.Count)
        {
            report.Disagreements.Add(new Disagreement(number, 0, "(row count)", "", ours.Count.ToString(CultureInfo.InvariantCulture), oracle.Count.ToString(CultureInfo.InvariantCulture), expected.Count.ToString(CultureInfo.InvariantCulture)));
            return;
        }

        for (var row = 0; row < expected.Count; row++)
        {
            for (var k = 0; k < query.Length; k++)
            {
                var column = columns[query[k]];
                var want = Canonical.FromText(column.Class, expected[row][k]);
                var ourValue = Canonical.FromText(column.Class, ours[row][k]);
                var oracleValue = Canonical.FromObject(column.Class, oracle[row][k] is GetStringFallback fallback ? fallback.Text : oracle[row][k]);
                report.ValuesCompared++;
                if (oracle[row][k] is GetStringFallback { GetValueError: var getValueError })
                {
                    var note = $"its GetValue failed (\"{getValueError}\"), so its GetString was compared";
                    report.OracleDefects[note] = report.OracleDefects.GetValueOrDefault(note) + 1;
                }

                var oracleWrong = oracleValue != want;
                var known = oracleWrong ? database.KnownOracleDefect(column, want, oracleValue) : null;
                if (known is not null)
                {
                    report.OracleDefects[known] = report.OracleDefects.GetValueOrDefault(known) + 1;
                }

                if (ourValue != want || (oracleWrong && known is null))
                {
                    report.Disagreements.Add(new Disagreement(number, row + 1, $"{column.Name} (v{k + 1})", column.Declaration, ourValue, oracleValue, want));
                }
            }
        }
    }

    private static string Select(IEnumerable<string> expressions) =>
        $"SELECT {string.Join(", ", expressions.Select((expression, k) => $"{expression} AS v{k + 1}"))} FROM t ORDER BY id";

    /// <summary>The product's path: OdbcQuery (block cursor, then row by row if a value did not fit) into WindowExporter's CSV.</summary>
    private static (List<string?[]> Rows, bool RowByRow) ReadOurs(string connectionString, string sql)
    {
        using var connection = CloudLink.Core.Odbc.OdbcConnection.Open(connectionString, TimeSpan.FromSeconds(30));
        using var command = connection.CreateCommand();
        var rowByRow = false;
        var csv = OdbcQuery.Run(command, sql, [], reader =>
        {
            var output = new MemoryStream();
            WindowExporter.Write(reader, type: null, output, CancellationToken.None);
            rowByRow = reader.RowByRow;
            return output.ToArray();
        }, CancellationToken.None);
        return (CsvRows.Parse(new UTF8Encoding(false).GetString(csv)).Skip(1).ToList(), rowByRow);
    }

    /// <summary>System.Data.Odbc's GetValue; where that throws, its GetString, or the exception that threw too.</summary>
    private static object? OracleValue(Oracle.OdbcDataReader reader, int column)
    {
        try
        {
            return reader.GetValue(column);
        }
        catch (Exception error) when (error is OverflowException or InvalidCastException or FormatException or ArgumentException or Oracle.OdbcException)
        {
            try
            {
                return new GetStringFallback(reader.IsDBNull(column) ? null : reader.GetString(column), error.Message);
            }
            catch (Exception again) when (again is OverflowException or InvalidCastException or FormatException or ArgumentException or Oracle.OdbcException)
            {
                return error;
            }
        }
    }

    /// <summary>The same values, each column read by System.Data.Odbc in a query of its own.</summary>
    private static List<object?[]> ReadOracleColumnByColumn(string connectionString, string[] names)
    {
        var columns = names.Distinct().ToDictionary(name => name, name => ReadOracle(connectionString, Select([name])));
        var rows = columns.Values.First().Count;
        return Enumerable.Range(0, rows).Select(row => names.Select(name => columns[name][row][0]).ToArray()).ToList();
    }

    /// <summary>System.Data.Odbc's GetValue for every value (see <see cref="OracleValue"/>).</summary>
    private static List<object?[]> ReadOracle(string connectionString, string sql)
    {
        using var connection = new Oracle.OdbcConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = OracleValue(reader, i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
