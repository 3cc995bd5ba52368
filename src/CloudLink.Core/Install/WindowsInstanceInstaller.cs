using System.Globalization;
using CloudLink.Core.Instance;
using CloudLink.Core.Service.Windows;

namespace CloudLink.Core.Install;

/// <summary>
/// Installs an instance on Windows with the MSI: the next free instance number (the default, then
/// instance.1 to instance.8; a tenth is refused), its own folder (a folder holding an instance is
/// refused), msiexec quiet with a verbose log next to the MSI's temp files.
/// </summary>
public sealed class WindowsInstanceInstaller(MsiInstaller msiexec, InstanceCatalog catalog)
{
    public (InstanceLocation Instance, MsiOutcome Outcome) Install(string msiPath, string? folder, string? cloudUrl, string? importDirectory)
    {
        if (!File.Exists(msiPath))
        {
            throw new InstallException($"The installer {msiPath} does not exist. Download injixo-cloud-link.msi and pass its full path.") { Reason = "MsiNotFound" };
        }

        var installed = catalog.Find();
        var number = InstanceName.NextFree(installed.Select(i => i.Number).OfType<int>(), InstanceName.WindowsMaximum);
        var target = Path.GetFullPath(folder ?? DefaultFolder(number));
        FolderCheck.EnsureFree(target, installed);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var request = new MsiInstallRequest
        {
            MsiPath = Path.GetFullPath(msiPath),
            Instance = number,
            Folder = target,
            LogPath = Path.Combine(Path.GetTempPath(), $"injixo-cloud-link-install-{number}-{stamp}.log"),
            CloudUrl = cloudUrl,
            ImportDirectory = importDirectory,
        };
        var outcome = msiexec.Install(request);
        var executable = Path.Combine(target, InstancePaths.ExecutableName + ".exe");
        return (new InstanceLocation(InstanceName.AppName(number), WindowsServiceName.ForNumber(number), executable, Path.Combine(target, InstancePaths.ConfigFileName)), outcome);
    }

    /// <summary>C:\Program Files\injixo Cloud Link for the default, ...\injixo Cloud Link (Instance N) for the others.</summary>
    public static string DefaultFolder(int number) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), WindowsServiceName.ForNumber(number));
}
