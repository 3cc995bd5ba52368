using System.Management.Automation;
using CloudLink.Core.Logging;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Deletes rotated logs of a CloudLink instance.</para>
/// <para type="description">Deletes the instance's rotated logs (injixo-cloud-link.YYYY-MM-DD.N.log) older than -OlderThan and/or beyond the -Keep newest (with both, a log must be both). The current log is never touched. -WhatIf lists what would go.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance | Remove-CloudLinkLog -OlderThan 30 -Keep 10 -WhatIf</code>
///   <para>Lists the logs older than 30 days beyond the ten newest, per instance.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "CloudLinkLog", SupportsShouldProcess = true)]
[OutputType(typeof(RotatedLog))]
public sealed class RemoveCloudLinkLogCommand : LogPurgeCmdlet
{
    /// <summary><para type="description">Return each deleted log.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        var chosen = LogPurge.Select(instance.Paths.Folder, OlderThan, Keep, DateTimeOffset.UtcNow);
        var (deleted, failed) = LogPurge.Delete(chosen.Where(log => ShouldProcess(log.Path, "Delete rotated log")));
        foreach (var (log, error) in failed)
        {
            WriteError(new ErrorRecord(new IOException(error), "CloudLink.LogNotDeleted", ErrorCategory.WriteError, log.Path));
        }

        if (PassThru)
        {
            WriteObject(deleted, enumerateCollection: true);
        }
    });
}

/// <summary>
/// <para type="synopsis">Schedules a daily log purge for a CloudLink instance.</para>
/// <para type="description">Installs a daily purge at 03:15 that runs the instance's agent with 'logs purge': a systemd timer on Linux, a scheduled task running as SYSTEM on Windows. Registering again replaces the schedule.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance | Register-CloudLinkLogPurge -OlderThan 30</code>
///   <para>Every instance deletes its rotated logs older than 30 days each night.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Register, "CloudLinkLogPurge", SupportsShouldProcess = true)]
[OutputType(typeof(LogPurgeScheduleInfo))]
public sealed class RegisterCloudLinkLogPurgeCommand : LogPurgeCmdlet
{
    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        if (ShouldProcess(instance.AppName, $"Schedule a daily log purge at {LogPurgeSchedule.DailyAt}"))
        {
            var location = new LogPurgeSchedule(Runner, Catalog.HostRoot).Register(instance, OlderThan, Keep);
            WriteObject(new LogPurgeScheduleInfo(instance.AppName, true, location, string.Join(" ", LogPurgeSchedule.Command(instance, OlderThan, Keep))));
        }
    });
}

/// <summary>
/// <para type="synopsis">Removes the daily log purge of a CloudLink instance.</para>
/// <para type="description">Removes the systemd timer or scheduled task that Register-CloudLinkLogPurge installed; the logs stay.</para>
/// </summary>
/// <example>
///   <code>Unregister-CloudLinkLogPurge -ConfigPath /opt/cl/east</code>
///   <para>Stops the nightly purge of one instance.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Unregister, "CloudLinkLogPurge", SupportsShouldProcess = true)]
[OutputType(typeof(LogPurgeScheduleInfo))]
public sealed class UnregisterCloudLinkLogPurgeCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">Return the instance's schedule state afterwards.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        if (!ShouldProcess(instance.AppName, "Remove the daily log purge"))
        {
            return;
        }

        var schedule = new LogPurgeSchedule(Runner, Catalog.HostRoot);
        if (!schedule.Unregister(instance))
        {
            WriteVerbose($"{instance.AppName} had no log purge scheduled.");
        }

        if (PassThru)
        {
            WriteObject(new LogPurgeScheduleInfo(instance.AppName, false, "", ""));
        }
    });
}
