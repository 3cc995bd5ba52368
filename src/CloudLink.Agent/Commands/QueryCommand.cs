using System.Globalization;
using CloudLink.Agent.Cli;
using CloudLink.Core.Config;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc;

namespace CloudLink.Agent.Commands;

/// <summary>'query': runs SQL as an integration would and shows the row count and first rows, or what is missing.</summary>
internal static class QueryCommand
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public static int Run(Invocation invocation)
    {
        invocation.AllowOnly("--sql", "--connection", "--type", "--from", "--to", "--output", "--timeout");
        if (!invocation.Options.TryGetValue("--sql", out var sql) || sql.Trim().Length == 0)
        {
            throw new UsageException("query needs --sql, e.g. --sql \"SELECT ... FROM ...\"; see 'injixo-cloud-link query --help'.");
        }

        var connectionString = invocation.Options.TryGetValue("--connection", out var given) ? given : FromConfig(invocation);
        var type = invocation.Options.TryGetValue("--type", out var typeName) ? ParseType(typeName) : null;
        var window = Window(invocation, type);
        var timeout = invocation.Options.TryGetValue("--timeout", out var seconds)
            ? TimeSpan.FromSeconds(int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value : throw new UsageException("--timeout takes a number of seconds, e.g. --timeout 60."))
            : TimeSpan.FromMinutes(5);

        Console.Error.WriteLine($"Connecting with {ConnectionStrings.Mask(connectionString)}");
        using var connection = OdbcConnection.Open(connectionString, TimeSpan.FromSeconds(15));
        using var command = connection.CreateCommand();
        command.Timeout = timeout;
        if (type is not null)
        {
            var columns = WindowQuery.Columns(command, sql, CancellationToken.None);
            var missing = type.Missing(columns.Select(column => column.Name));
            if (missing.Count > 0)
            {
                Console.WriteLine($"Missing required column(s) for {type.Name}: {string.Join(", ", missing)}");
                Console.WriteLine($"The query returns: {string.Join(", ", columns.Select(column => column.Name))}");
                return ExitCodes.DatabaseProblem;
            }
        }

        var text = window is null ? WindowQuery.Clean(sql) : WindowQuery.Window(sql, type!, connection.IdentifierQuote);
        IReadOnlyList<OdbcParameter> parameters = window is null ? [] : [new(window.Value.From), new(window.Value.To)];
        var output = invocation.Options.GetValueOrDefault("--output");
        var result = OdbcQuery.Run(command, text, parameters,
            reader => WindowExporter.Write(reader, type, output is null ? Stream.Null : File.Create(output), CancellationToken.None),
            CancellationToken.None);

        Console.WriteLine($"{result.Rows} row(s){(output is null ? "" : $", written to {output}")}.");
        Print(result);
        return ExitCodes.Ok;
    }

    private static string FromConfig(Invocation invocation)
    {
        var (_, config) = InstanceLoader.Load(invocation);
        if (!config.Database.IsConfigured)
        {
            throw new UsageException("No database is configured: pass --connection \"DSN=...\" or set [database] type in injixo-cloud-link.toml.");
        }

        return ConnectionStrings.FromSettings(config.Database);
    }

    private static DataType ParseType(string name)
    {
        try
        {
            return DataType.Parse(name);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static (DateTime From, DateTime To)? Window(Invocation invocation, DataType? type)
    {
        var hasFrom = invocation.Options.TryGetValue("--from", out var from);
        var hasTo = invocation.Options.TryGetValue("--to", out var to);
        if (!hasFrom && !hasTo)
        {
            return null;
        }

        if (!(hasFrom && hasTo) || type is null)
        {
            throw new UsageException("A window needs --from, --to and --type (which names the time column).");
        }

        var start = ParseTime(from!, "--from");
        var end = ParseTime(to!, "--to");
        return end > start ? (start, end) : throw new UsageException("--to must be later than --from.");
    }

    private static DateTime ParseTime(string text, string option) =>
        DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new UsageException($"{option} '{text}' is not a time; write it like 2026-03-29T08:00 (the database's local time).");

    private static void Print(ExportResult result)
    {
        if (result.FirstRows.Count == 0)
        {
            return;
        }

        var widths = result.Header.Select((name, i) => Math.Min(40, Math.Max(name.Length, result.FirstRows.Max(row => (row[i] ?? "NULL").Length)))).ToArray();
        Console.WriteLine(string.Join(" | ", result.Header.Select((name, i) => name.PadRight(widths[i]))));
        Console.WriteLine(string.Join("-+-", widths.Select(width => new string('-', width))));
        foreach (var row in result.FirstRows)
        {
            Console.WriteLine(string.Join(" | ", row.Select((value, i) => Cell(value ?? "NULL", widths[i]))));
        }
    }

    private static string Cell(string value, int width)
    {
        var flat = value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return flat.Length > width ? flat[..(width - 1)] + "…" : flat.PadRight(width);
    }
}
