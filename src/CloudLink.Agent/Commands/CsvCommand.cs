using System.Text.Json;
using CloudLink.Agent.Cli;
using CloudLink.Core;
using CloudLink.Core.CsvCheck;
using CloudLink.Protocol;

namespace CloudLink.Agent.Commands;

/// <summary>'csv check FILE': the agent's pre-upload check, run by an operator on a file of their choice.</summary>
internal static class CsvCommand
{
    public static int Run(Invocation invocation)
    {
        invocation.AllowOnly("--type", "--delimiter", "--encoding", "--timestamp-format", "--json");
        if (invocation.Words.Count != 3 || invocation.Words[1] != "check")
        {
            throw new UsageException("Use 'injixo-cloud-link csv check FILE [--type T] [--delimiter D] [--encoding E] [--timestamp-format F]'.");
        }

        var settings = new CsvSettingsInfo
        {
            DataType = Option(invocation, "--type", "interval"),
            Delimiter = Option(invocation, "--delimiter", "detect"),
            Encoding = Option(invocation, "--encoding", "utf-8"),
            TimestampFormat = Option(invocation, "--timestamp-format", "iso"),
        };
        var problem = CsvSettingsCheck.Problem(settings);
        if (problem is not null)
        {
            throw new UsageException(problem.Replace("dataType", "--type").Replace("timestampFormat", "--timestamp-format")
                .Replace("delimiter must", "--delimiter must").Replace("encoding must", "--encoding must"));
        }

        var file = invocation.Words[2];
        CsvCheckReport report;
        try
        {
            report = CsvFileChecker.Check(file, settings);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"{file} does not exist; give the path of a CSV file.");
        }
        catch (IOException e)
        {
            throw new UsageException($"{file} cannot be read ({e.Message}).");
        }

        if (invocation.Flags.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(report, ProtocolJson.Default.CsvCheckReport));
        }
        else
        {
            Print(file, report);
        }

        return report.Refused ? ExitCodes.CsvRefused : ExitCodes.Ok;
    }

    /// <summary>The normalised option: delimiters and encodings are matched without case; "\t" is tab.</summary>
    private static string Option(Invocation invocation, string name, string fallback)
    {
        if (!invocation.Options.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return name switch
        {
            "--delimiter" when value is "\t" or "\\t" => "tab",
            "--delimiter" or "--encoding" or "--type" => value.Trim().ToLowerInvariant(),
            _ => value,
        };
    }

    private static void Print(string file, CsvCheckReport report)
    {
        Console.WriteLine($"{file}: {report.Rows} rows, {report.DataType}, delimiter {report.Delimiter}, {report.Encoding}.");
        foreach (var problem in report.Problems)
        {
            Console.WriteLine(problem.Line > 0 ? $"{file}:{problem.Line}: {problem.Message}" : $"{file}: {problem.Message}");
        }

        if (report.ProblemCount > report.Problems.Count)
        {
            Console.WriteLine($"... and {report.ProblemCount - report.Problems.Count} more problems of the same kinds.");
        }

        Console.WriteLine(report.Refused
            ? $"The cloud would refuse this file: {report.ProblemCount} problem{(report.ProblemCount == 1 ? "" : "s")}. Fix the export, or the integration's CSV settings."
            : "The cloud would take this file as it is.");
    }
}
