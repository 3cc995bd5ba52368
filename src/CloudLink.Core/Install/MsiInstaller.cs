using System.Globalization;
using CloudLink.Core.Processes;

namespace CloudLink.Core.Install;

/// <summary>
/// Runs msiexec for an install or uninstall and reads its exit code: 0 done; 3010 done, reboot
/// needed; 1618 (another installation running) waits and tries again; anything else fails with
/// the relevant lines of msiexec's log.
/// </summary>
public sealed class MsiInstaller(IProcessRunner runner, Action<TimeSpan> wait)
{
    public const string Msiexec = "msiexec.exe";

    public int BusyAttempts { get; init; } = 10;

    public TimeSpan BusyDelay { get; init; } = TimeSpan.FromSeconds(30);

    public MsiOutcome Install(MsiInstallRequest request) => Execute(MsiexecCommand.Install(request), request.LogPath, "install " + request.MsiPath);

    public MsiOutcome Uninstall(string productCode, int instance, string logPath, string folder) =>
        Execute(MsiexecCommand.Uninstall(productCode, instance, logPath, folder), logPath, $"uninstall {productCode} from {folder}");

    private MsiOutcome Execute(string arguments, string logPath, string what)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = runner.Run(Msiexec, arguments);
            switch (result.ExitCode)
            {
                case MsiexecExitCodes.Success or MsiexecExitCodes.RebootRequired or MsiexecExitCodes.RebootInitiated:
                    return new MsiOutcome(result.CommandLine, result.ExitCode, attempt, logPath);
                case MsiexecExitCodes.AnotherInstallRunning when attempt < BusyAttempts:
                    wait(BusyDelay);
                    continue;
                case MsiexecExitCodes.AnotherInstallRunning:
                    throw new InstallException(
                        $"Cannot {what}: another installation was still running after {attempt} attempts {BusyDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s apart (msiexec exit 1618). " +
                        "Wait for it to finish (Windows Update, another msiexec) and run the install again.")
                    { Reason = "InstallerBusy" };
                default:
                    throw new InstallException(
                        $"msiexec failed to {what} (exit {result.ExitCode}: {MsiexecExitCodes.Describe(result.ExitCode)}). " +
                        $"From its log {logPath}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", MsiLog.Excerpt(logPath)))
                    { Reason = "MsiexecFailed" };
            }
        }
    }
}
