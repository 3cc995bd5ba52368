#Requires -Version 7.0
<#
.SYNOPSIS
Decommissions CloudLink instances by name on many hosts; every other instance keeps running.

.DESCRIPTION
On every host (an open PSSession) at once: Uninstall-CloudLinkInstance for each instance whose [app] name
matches -Name (wildcards allowed): its service is stopped and removed, its log purge unregistered, and with
-RemoveFiles its folder deleted. Instances that do not match are not touched. -WhatIf prints the plan (the
instances each host would lose) and changes nothing; -Confirm asks per host. A host that fails is reported for
that host; the others go on. Returns one CloudLink.FleetResult per instance removed (Action 'Uninstalled').

.EXAMPLE
./Uninstall-CloudLinkFleetInstance.ps1 -Session $acd2 -Name com.injixo.cloud-link.instance.1 -RemoveFiles
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [Parameter(Mandatory)] [System.Management.Automation.Runspaces.PSSession[]] $Session,
    [Parameter(Mandatory)] [string[]] $Name,
    [switch] $RemoveFiles,
    [string] $ModulePath = 'CloudLink'
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'FleetStep.ps1')

$found = Invoke-CloudLinkFleetStep -Session $Session -Activity 'Finding the instances to decommission' -ArgumentsFor { param($s) , @($ModulePath, $Name) } -ScriptBlock {
    param($module, $names)
    $ErrorActionPreference = 'Stop'
    Import-Module $module
    Get-CloudLinkInstance -Name $names | Select-Object Name, Folder
}

$plan = @{}
foreach ($entry in $found) {
    if ($entry.Error) {
        New-CloudLinkFleetResult $entry.Host '' 'Failed' $entry.Error
    }
    elseif ($entry.Output.Count -gt 0 -and $PSCmdlet.ShouldProcess($entry.Host, "Uninstall $(($entry.Output | ForEach-Object { "$($_.Name) ($($_.Folder))" }) -join ', ')$(if ($RemoveFiles) { ' and delete their folders' })")) {
        $plan[$entry.Host] = @($entry.Output.Name)
    }
}

$work = @($Session | Where-Object { $plan.ContainsKey($_.ComputerName) })
if ($work.Count -eq 0) { return }
$removed = Invoke-CloudLinkFleetStep -Session $work -Activity 'Decommissioning CloudLink instances' -ArgumentsFor { param($s) , @($ModulePath, $plan[$s.ComputerName], [bool] $RemoveFiles) } -ScriptBlock {
    param($module, $names, $removeFiles)
    $ErrorActionPreference = 'Stop'
    Import-Module $module
    foreach ($instance in Get-CloudLinkInstance -Name $names) {
        try { $instance | Unregister-CloudLinkLogPurge -Confirm:$false | Out-Null } catch { Write-Verbose "No log purge for $($instance.Name): $_" }
        $instance | Uninstall-CloudLinkInstance -RemoveFiles:$removeFiles -Confirm:$false
        [pscustomobject]@{ Name = $instance.Name; Folder = $instance.Folder }
    }
}

foreach ($entry in $removed) {
    if ($entry.Error) {
        New-CloudLinkFleetResult $entry.Host '' 'Failed' $entry.Error
        continue
    }

    foreach ($instance in $entry.Output) {
        New-CloudLinkFleetResult $entry.Host $instance.Name 'Uninstalled' "Service removed$(if ($RemoveFiles) { ", $($instance.Folder) deleted" } else { "; its files stay in $($instance.Folder)" })."
    }
}
