using System.Management.Automation;
using CloudLink.Core;
using CloudLink.Core.Cloud;
using CloudLink.Core.Install;
using CloudLink.Core.Instance;
using CloudLink.Core.Pairing;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Installs a new CloudLink instance on this host.</para>
/// <para type="description">Windows: runs msiexec quietly for the MSI: the first instance plainly, further ones as new MSI instances with the transform ":instance.N" for the next free N (1 to 8; a tenth instance is refused), each in its own folder (a folder that holds an instance is refused). msiexec's exit code is read: 3010 warns that a reboot is needed, 1618 (another installation running) waits and tries again, other failures show the relevant lines of msiexec's verbose log.</para>
/// <para type="description">Linux: unpacks the release archive into the folder, gives the instance the next free [app] name (com.injixo.cloud-link, then com.injixo.cloud-link.instance.N), installs its systemd service to run as its own system user (injixo-cloud-link, or -ServiceUser) in a sandbox, warns when that user cannot read the import folder (with the command that grants it) and, with -Start, starts it and shows its PIN.</para>
/// </summary>
/// <example>
///   <code>Install-CloudLinkInstance -Path C:\Setup\injixo-cloud-link.msi -Folder 'D:\CloudLink\ACD East' -PassThru</code>
///   <para>Installs the next free instance on Windows into its own folder and returns it.</para>
/// </example>
/// <example>
///   <code>Install-CloudLinkInstance -Path ./injixo-cloud-link-1.0.0-linux-x64.tar.gz -Folder /opt/cl/east -CloudUrl https://www.injixo.com -Start -PassThru | Select-Object Name, Pin</code>
///   <para>Installs and starts an instance on Linux and shows the PIN to enter in the cloud.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Install, "CloudLinkInstance", SupportsShouldProcess = true)]
[OutputType(typeof(InstanceInfo))]
public sealed class InstallCloudLinkInstanceCommand : CloudLinkCmdlet
{
    /// <summary><para type="description">The installer: injixo-cloud-link.msi on Windows, the release archive injixo-cloud-link-VERSION-linux-x64.tar.gz on Linux.</para></summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("MsiPath", "Archive")]
    public string Path { get; set; } = "";

    /// <summary><para type="description">The instance's own folder. Windows default: Program Files\injixo Cloud Link (Instance N); required on Linux.</para></summary>
    [Parameter(Position = 1)]
    public string? Folder { get; set; }

    /// <summary><para type="description">Linux: the [app] name; by default the next free com.injixo.cloud-link[.instance.N].</para></summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary><para type="description">The cloud address written to the config (cloud.url).</para></summary>
    [Parameter]
    public string? CloudUrl { get; set; }

    /// <summary><para type="description">The folder scanned for CSV files (app.importDirectory).</para></summary>
    [Parameter]
    public string? ImportDirectory { get; set; }

    /// <summary><para type="description">Linux: the system user the service runs as; by default injixo-cloud-link, created when missing (no home, no login). The instance's state and logs become that user's and the config readable by its group. 'root' runs the service as root, with a warning. Not for Windows, where the service runs as LocalSystem.</para></summary>
    [Parameter]
    [ValidatePattern("^[a-z_][a-z0-9_-]{0,31}$")]
    public string? ServiceUser { get; set; }

    /// <summary><para type="description">Linux: start the service after installing it and fetch its PIN.</para></summary>
    [Parameter]
    public SwitchParameter Start { get; set; }

    /// <summary><para type="description">Return the installed instance (with its PIN when started).</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(Path, () =>
    {
        var package = GetUnresolvedProviderPathFromPSPath(Path);
        var folder = Folder is null ? null : GetUnresolvedProviderPathFromPSPath(Folder);
        if (!ShouldProcess(folder ?? "the next free instance's folder", $"Install CloudLink from {package}"))
        {
            return;
        }

        var instance = InstanceCatalog.IsWindows ? InstallWindows(package, folder) : InstallLinux(package, folder);
        var info = new InstanceInspector(Agent).Describe(instance);
        if (Start || InstanceCatalog.IsWindows)
        {
            AddPin(instance, info);
        }

        if (PassThru)
        {
            WriteObject(info);
        }
    }, terminating: true);

    /// <summary>The PIN to link the new instance. The instance is installed either way: a PIN the agent cannot give yet (an unreachable cloud, an agent still starting) only warns.</summary>
    private void AddPin(InstanceLocation instance, InstanceInfo info)
    {
        try
        {
            var pin = PinLookup.Get(Agent, instance, fresh: false);
            (info.Pin, info.PinExpiresAt) = (pin.Pin, pin.ExpiresAt);
            if (pin.Banner is not null)
            {
                WriteInformation(new InformationRecord(pin.Banner, "Install-CloudLinkInstance"));
            }
        }
        catch (AgentCommandException e)
        {
            WriteWarning($"{instance.AppName} is installed, but has no PIN yet: {e.Message} Get it later with Get-CloudLinkPin.");
        }
    }

    private InstanceLocation InstallWindows(string msi, string? folder)
    {
        if (ServiceUser is not null)
        {
            throw new ArgumentException("-ServiceUser is for Linux: on Windows the service runs as LocalSystem, as the MSI installs it.");
        }

        var installer = new WindowsInstanceInstaller(new MsiInstaller(Runner, wait => Thread.Sleep(wait)), Catalog);
        WriteProgress(new ProgressRecord(1, "Install-CloudLinkInstance", $"msiexec /i {msi}"));
        var (instance, outcome) = installer.Install(msi, folder, CloudUrl, ImportDirectory);
        WriteVerbose($"{outcome.CommandLine} ended with {outcome.ExitCode} after {outcome.Attempts} attempt(s); log: {outcome.LogPath}");
        if (outcome.RebootRequired)
        {
            WriteWarning($"{instance.AppName} is installed, but Windows must be restarted to finish (msiexec exit {outcome.ExitCode}).");
        }

        return instance;
    }

    private InstanceLocation InstallLinux(string archive, string? folder)
    {
        if (folder is null)
        {
            throw new ArgumentException("Give the instance's folder with -Folder (e.g. /opt/injixo-cloud-link/instance1).");
        }

        var installer = new LinuxInstanceInstaller(Runner, Catalog);
        WriteProgress(new ProgressRecord(1, "Install-CloudLinkInstance", $"Unpacking {archive} into {folder}"));
        return installer.Install(new LinuxInstallRequest
        {
            Archive = archive,
            Folder = folder,
            Name = Name,
            CloudUrl = CloudUrl,
            ImportDirectory = ImportDirectory,
            Start = Start,
            ServiceUser = ServiceUser,
        }, WriteWarning);
    }
}
