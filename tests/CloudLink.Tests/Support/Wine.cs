using System.Diagnostics;

namespace CloudLink.Tests.Support;

/// <summary>Runs win-x64 programs under Wine in the prefix .ci/run prepared (CLOUDLINK_WINEPREFIX).</summary>
public static class Wine
{
    public static readonly string? Prefix = Environment.GetEnvironmentVariable("CLOUDLINK_WINEPREFIX");

    /// <summary>The Windows path of a Linux path (Wine maps / to drive Z:).</summary>
    public static string WindowsPath(string linuxPath) => "Z:" + linuxPath.Replace('/', '\\');

    /// <summary>The Linux path of C:\... inside the prefix.</summary>
    public static string DriveC(string windowsPath) => Path.Combine(Prefix!, "drive_c", windowsPath.Substring(3).Replace('\\', '/'));

    public static async Task<(int Code, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo("wine") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.Environment["WINEPREFIX"] = Prefix;
        start.Environment["WINEDEBUG"] = "-all";
        start.Environment["WINEDLLOVERRIDES"] = "winemenubuilder.exe=d;winedbg.exe=d";
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output + await error).Replace("\r", "", StringComparison.Ordinal));
    }
}
