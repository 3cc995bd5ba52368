namespace CloudLink.Core.Install;

/// <summary>How an msiexec run ended when it succeeded: whether Windows needs a reboot, and after how many tries.</summary>
public sealed class MsiOutcome(string commandLine, int exitCode, int attempts, string logPath)
{
    public string CommandLine { get; } = commandLine;
    public int ExitCode { get; } = exitCode;
    public int Attempts { get; } = attempts;
    public string LogPath { get; } = logPath;

    /// <summary>3010 (or 1641): installed, but files in use are replaced only after a restart of Windows.</summary>
    public bool RebootRequired => ExitCode is MsiexecExitCodes.RebootRequired or MsiexecExitCodes.RebootInitiated;
}

/// <summary>The msiexec exit codes the installers act on (Windows Installer error codes).</summary>
public static class MsiexecExitCodes
{
    public const int Success = 0;
    public const int UserCancelled = 1602;
    public const int FatalError = 1603;
    public const int AnotherInstallRunning = 1618;
    public const int PackageNotFound = 1619;
    public const int RebootInitiated = 1641;
    public const int RebootRequired = 3010;

    public static string Describe(int code) => code switch
    {
        2 => "the package was not found; check the path",
        UserCancelled => "the installation was cancelled",
        FatalError => "a fatal error during installation",
        AnotherInstallRunning => "another installation is in progress",
        PackageNotFound => "the package could not be opened; check the path and that the file is a complete MSI",
        1620 => "the package could not be opened; it may be damaged, download it again",
        1625 => "installation is forbidden by system policy",
        1627 => "the package could not be run; it may be damaged or not an MSI, download it again",
        1638 => "another version of this product is already installed in this instance",
        1639 => "invalid command line argument",
        _ => "Windows Installer error " + code,
    };
}
