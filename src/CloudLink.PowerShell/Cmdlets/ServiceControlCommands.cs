using System.Management.Automation;
using CloudLink.Core.Instance;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>Start, stop or restart an instance's service through its own agent ('service start|stop|restart').</summary>
public abstract class ServiceControlCommand(string action, string verb) : InstanceParameterCmdlet
{
    /// <summary><para type="description">Return the instance after the change.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        if (!ShouldProcess($"{instance.AppName} ({instance.Service})", verb))
        {
            return;
        }

        Agent.Require(instance.Executable, instance.Paths, "service", action);
        if (PassThru)
        {
            WriteObject(new InstanceInspector(Agent).Describe(instance));
        }
    });
}

/// <summary>
/// <para type="synopsis">Starts the service of a CloudLink instance.</para>
/// <para type="description">Starts the instance's systemd unit or Windows service and waits until it runs. An instance that is not linked yet shows its PIN with Get-CloudLinkPin once started.</para>
/// </summary>
/// <example>
///   <code>Start-CloudLinkInstance -ConfigPath /opt/cl/instance1</code>
///   <para>Starts the instance in /opt/cl/instance1.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "CloudLinkInstance", SupportsShouldProcess = true)]
[OutputType(typeof(InstanceInfo))]
public sealed class StartCloudLinkInstanceCommand() : ServiceControlCommand("start", "Start service");

/// <summary>
/// <para type="synopsis">Stops the service of a CloudLink instance.</para>
/// <para type="description">Stops the instance's service cleanly: the upload in progress ends first, nothing is lost, and the instance continues where it stopped at its next start.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance | Stop-CloudLinkInstance -WhatIf</code>
///   <para>Shows which services would be stopped.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Stop, "CloudLinkInstance", SupportsShouldProcess = true)]
[OutputType(typeof(InstanceInfo))]
public sealed class StopCloudLinkInstanceCommand() : ServiceControlCommand("stop", "Stop service");

/// <summary>
/// <para type="synopsis">Restarts the service of a CloudLink instance.</para>
/// <para type="description">Stops and starts the instance's service, e.g. after a config or proxy change.</para>
/// </summary>
/// <example>
///   <code>Set-CloudLinkProxy -Uri http://proxy.corp:3128; Get-CloudLinkInstance | Restart-CloudLinkInstance</code>
///   <para>Makes every instance use a new proxy.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Restart, "CloudLinkInstance", SupportsShouldProcess = true)]
[OutputType(typeof(InstanceInfo))]
public sealed class RestartCloudLinkInstanceCommand() : ServiceControlCommand("restart", "Restart service");
