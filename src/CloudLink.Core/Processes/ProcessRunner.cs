using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CloudLink.Core.Processes;

/// <summary>Runs programs for real, capturing their output.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    /// <summary>How long to keep reading after the program ended: a process it started may hold its output open.</summary>
    private static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(3);

    public static ProcessRunner Instance { get; } = new();

    public ProcessResult Run(string fileName, string arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            // The child gets its own, empty standard input: it never waits for a prompt answer.
            RedirectStandardInput = true,
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
            process.StandardInput.Close();
            var output = new Collector(process.StandardOutput);
            var error = new Collector(process.StandardError);
            process.WaitForExit();

            // sc.exe or msiexec may start a service process that inherits the output pipe and keeps it
            // open (seen under Wine): what the program itself wrote is in by now, so stop waiting.
            Task.WaitAll([output.Done, error.Done], DrainAfterExit);
            return new ProcessResult(commandLine, process.ExitCode, output.Text, error.Text);
        }
    }

    /// <summary>Reads a stream to its end in the background, keeping what arrived so far readable.</summary>
    private sealed class Collector
    {
        private readonly StringBuilder _text = new();

        public Collector(StreamReader reader) => Done = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
            {
                lock (_text)
                {
                    _text.Append(buffer, 0, read);
                }
            }
        });

        public Task Done { get; }

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }
    }
}
