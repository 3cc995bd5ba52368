using System.Diagnostics;

namespace CloudLink.Tests.Support;

/// <summary>Runs a system command to its end (mount, chown, mkfifo, ...) and gives its exit code.</summary>
internal static class Command
{
    public static int Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
