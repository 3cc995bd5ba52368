using System.Management.Automation;
using CloudLink.Core.Install;
using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Uninstalls a CloudLink instance.</para>
/// <para type="description">Stops and removes the instance's service and its log purge schedule (Linux: its unit and proxy drop-in; Windows: msiexec /x of the instance's own product). The folder with config, logs and state stays unless -RemoveFiles is given.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance -Name *instance.3 | Uninstall-CloudLinkInstance -Confirm:$false</code>
///   <para>Removes instance 3 without asking.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Uninstall, "CloudLinkInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(InstanceInfo))]
public sealed class UninstallCloudLinkInstanceCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">Also delete the instance's folder: config, state (credentials, import ledger) and logs.</para></summary>
    [Parameter]
    public SwitchParameter RemoveFiles { get; set; }

    /// <summary><para type="description">Return the removed instance.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        if (!ShouldProcess($"{instance.AppName} in {instance.Paths.Folder}", RemoveFiles ? "Uninstall and delete its files" : "Uninstall (files stay)"))
        {
            return;
        }

        var info = new InstanceInspector(Agent).Describe(instance);
        new LogPurgeSchedule(Runner, Catalog.HostRoot).Unregister(instance);
        if (InstanceCatalog.IsWindows)
        {
            var (product, number) = InstalledProducts.Find(instance.Paths.Folder)
                ?? throw new InstallException($"Windows Installer has no CloudLink product in {instance.Paths.Folder}; remove it in Apps and Features.") { Reason = "ProductNotFound" };
            var log = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"injixo-cloud-link-uninstall-{instance.Number}.log");
            new MsiInstaller(Runner, wait => Thread.Sleep(wait)).Uninstall(product, number, log, instance.Paths.Folder);
        }
        else if (File.Exists(instance.Executable))
        {
            Agent.Require(instance.Executable, instance.Paths, "service", "uninstall");
        }

        if (RemoveFiles && Directory.Exists(instance.Paths.Folder))
        {
            Directory.Delete(instance.Paths.Folder, recursive: true);
        }

        info.State = "NotInstalled";
        if (PassThru)
        {
            WriteObject(info);
        }
    });
}
