using System.Diagnostics;
using System.Text;

namespace CloudLink.Tests.Support;

/// <summary>Runs a system command to its end (mount, chown, mkfifo, a database client, ...).</summary>
internal static class Command
{
    /// <summary>Runs <paramref name="program"/> and gives its exit code.</summary>
    public static int Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Task.WaitAll(output, errors);
        return process.ExitCode;
    }

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="input"/> on standard input and gives
    /// its standard output, read as UTF-8; a non-zero exit fails with the program's standard error.
    /// </summary>
    public static string Output(string program, IReadOnlyList<string> args, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        Task.WaitAll(output, errors);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {errors.Result.Trim()}");
        }

        return output.Result;
    }
}
