using System.ComponentModel;
using System.Diagnostics;

namespace CloudLink.Core.Processes;

/// <summary>Runs programs for real, capturing their output.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    public static ProcessRunner Instance { get; } = new();

    public ProcessResult Run(string fileName, string arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        var commandLine = CommandLine.Quote(fileName) + (arguments.Length > 0 ? " " + arguments : "");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{fileName} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start '{commandLine}': {e.Message}. Check that {fileName} exists and can be run.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return new ProcessResult(commandLine, process.ExitCode, output.GetAwaiter().GetResult(), error);
        }
    }
}
