#Requires -Version 7.0
<#
.SYNOPSIS
Schedules the nightly log purge of every CloudLink instance on many hosts.

.DESCRIPTION
On every host (an open PSSession) at once: Register-CloudLinkLogPurge for each instance, a systemd timer
that deletes the instance's rotated logs older than -OlderThan days (keeping at least -Keep of them) each
night; the current log is never touched. Registering again replaces the schedule. -WhatIf prints the plan
and changes nothing. A host that fails is reported for that host; the others go on.
Returns one CloudLink.FleetResult per instance (Action 'Scheduled', Message naming the timer).

.EXAMPLE
./Register-CloudLinkFleetLogPurge.ps1 -Session $sessions -OlderThan 30 -Keep 5
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [System.Management.Automation.Runspaces.PSSession[]] $Session,
    [ValidateRange(1, 3650)] [int] $OlderThan = 30,
    [ValidateRange(0, 1000)] [int] $Keep = 0,
    [string] $ModulePath = 'CloudLink'
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'FleetStep.ps1')

$approved = @($Session | Where-Object { $PSCmdlet.ShouldProcess($_.ComputerName, "Schedule a nightly purge of rotated logs older than $OlderThan days for every CloudLink instance") })
if ($approved.Count -eq 0) { return }

$scheduled = Invoke-CloudLinkFleetStep -Session $approved -Activity 'Scheduling the log purge' -ArgumentsFor { param($s) , @($ModulePath, $OlderThan, $Keep) } -ScriptBlock {
    param($module, $olderThan, $keep)
    $ErrorActionPreference = 'Stop'
    Import-Module $module
    Get-CloudLinkInstance | Register-CloudLinkLogPurge -OlderThan $olderThan -Keep $keep | Select-Object Name, Location
}

foreach ($entry in $scheduled) {
    if ($entry.Error) {
        New-CloudLinkFleetResult $entry.Host '' 'Failed' $entry.Error
        continue
    }

    foreach ($schedule in $entry.Output) {
        New-CloudLinkFleetResult $entry.Host $schedule.Name 'Scheduled' "Purged nightly by $($schedule.Location)."
    }
}
