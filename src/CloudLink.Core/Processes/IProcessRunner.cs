namespace CloudLink.Core.Processes;

/// <summary>
/// Starts external programs (msiexec, sc.exe, schtasks, systemctl, tar, the instance's agent).
/// Installers take it as a parameter so tests can assert the exact command lines they run.
/// </summary>
public interface IProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with a complete Windows-style command line and waits for it to end.</summary>
    ProcessResult Run(string fileName, string arguments);
}

/// <summary>What a finished program left: its exit code and what it wrote.</summary>
public sealed class ProcessResult(string commandLine, int exitCode, string output, string error)
{
    public string CommandLine { get; } = commandLine;
    public int ExitCode { get; } = exitCode;
    public string Output { get; } = output;
    public string Error { get; } = error;
}
