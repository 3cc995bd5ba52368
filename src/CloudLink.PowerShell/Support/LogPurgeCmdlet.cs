using System.Management.Automation;

namespace CloudLink.PowerShell.Support;

/// <summary>A cmdlet that chooses rotated logs by age and count: Remove-CloudLinkLog and Register-CloudLinkLogPurge.</summary>
public abstract class LogPurgeCmdlet : InstanceParameterCmdlet
{
    /// <summary><para type="description">Delete logs last written longer ago than this (a TimeSpan, or a number of days).</para></summary>
    [Parameter]
    [Days]
    public TimeSpan? OlderThan { get; set; }

    /// <summary><para type="description">Always keep this many of the newest rotated logs.</para></summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? Keep { get; set; }
}
