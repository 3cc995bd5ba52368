using CloudLink.Core.Odbc;

namespace CloudLink.Core.Database;

/// <summary>What one query produced: the row count and the first rows (for verbose logs and previews).</summary>
public sealed class ExportResult
{
    public long Rows { get; init; }
    public IReadOnlyList<string> Header { get; init; } = [];
    public IReadOnlyList<string?[]> FirstRows { get; init; } = [];
}

/// <summary>
/// Streams the rows of one window into CSV with the data type's column names (required, then
/// optional; a missing channel is "calls"). Channel values are checked against the allowed set.
/// </summary>
public static class WindowExporter
{
    public const int PreviewRows = 10;

    public static ExportResult Export(
        OdbcCommand command, DataType type, string query, DateTime from, DateTime to, Func<Stream> openOutput, CancellationToken cancellationToken)
    {
        var columns = WindowQuery.Columns(command, query, cancellationToken);
        WindowQuery.CheckColumns(columns, type);
        return OdbcQuery.Run(command, WindowQuery.Window(query, type, command.Connection.IdentifierQuote), [new(from), new(to)],
            reader => Write(reader, type, openOutput(), cancellationToken), cancellationToken);
    }

    /// <summary>Writes every row of <paramref name="reader"/> as CSV: all its columns, or the data type's when one is given.</summary>
    public static ExportResult Write(OdbcDataReader reader, DataType? type, Stream output, CancellationToken cancellationToken)
    {
        var header = type?.Columns.ToList() ?? reader.Columns.Select(column => column.Name).ToList();
        var sources = header.Select(name => IndexOf(reader.Columns, name)).ToArray();
        var channel = header.IndexOf("channel");
        var preview = new List<string?[]>();
        using (output)
        using (var csv = new CsvUtf8Writer(output))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.EndRow();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < header.Count; i++)
                {
                    var source = sources[i];
                    if (i == channel && type is not null)
                    {
                        csv.WriteField(Channel(reader, source, reader.RowsRead));
                    }
                    else if (source < 0)
                    {
                        csv.WriteEmpty();
                    }
                    else
                    {
                        reader.WriteTo(source, csv);
                    }
                }

                csv.EndRow();
                if (preview.Count < PreviewRows)
                {
                    preview.Add(sources.Select(source => source < 0 ? null : Display(reader.GetValue(source))).ToArray());
                }
            }
        }

        return new ExportResult { Rows = reader.RowsRead, Header = header, FirstRows = preview };
    }

    private static string Channel(OdbcDataReader reader, int source, long row)
    {
        if (source < 0 || reader.IsNull(source))
        {
            return "calls";
        }

        var value = Display(reader.GetValue(source))!.Trim().ToLowerInvariant();
        if (!DataType.Channels.Contains(value))
        {
            throw new DatabaseImportException(
                $"Row {row} has the channel '{value}', which is not one of {string.Join(", ", DataType.Channels)}; map the source's values to these in the query (e.g. with CASE).");
        }

        return value;
    }

    private static int IndexOf(IReadOnlyList<OdbcColumn> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string? Display(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
