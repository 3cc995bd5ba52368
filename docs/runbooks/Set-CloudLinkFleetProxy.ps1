#Requires -Version 7.0
<#
.SYNOPSIS
Rolls a proxy out to every CloudLink instance on many hosts: sets it, restarts the services, tests the path.

.DESCRIPTION
On every host (an open PSSession) at once: Set-CloudLinkProxy for the host's instances, a restart of each
instance so its service starts with the proxy in its environment, then Test-CloudLinkConnection for each
instance (DNS, TCP to the proxy, TLS and HTTP through it to the instance's cloud). -WhatIf prints the plan and
changes nothing. A host that fails is reported for that host; the others go on.
Returns one CloudLink.FleetResult per instance (Action 'ProxySet' when it reached its cloud through the proxy).

.EXAMPLE
./Set-CloudLinkFleetProxy.ps1 -Session $sessions -Uri http://proxy.corp:3128 -Credential (Get-Credential CORP\svc-cloudlink) -NoProxy 'localhost,.corp'
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [System.Management.Automation.Runspaces.PSSession[]] $Session,
    [Parameter(Mandatory)] [uri] $Uri,
    [pscredential] $Credential,
    [string] $NoProxy,
    [string] $ModulePath = 'CloudLink'
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'FleetStep.ps1')

$approved = @($Session | Where-Object { $PSCmdlet.ShouldProcess($_.ComputerName, "Set the proxy $($Uri.GetLeftPart('Authority')) for every CloudLink instance, restart them and test their connection") })
if ($approved.Count -eq 0) { return }

$rollout = Invoke-CloudLinkFleetStep -Session $approved -Activity "Rolling out the proxy $($Uri.GetLeftPart('Authority'))" -ArgumentsFor {
    param($s) , @($ModulePath, "$Uri", $Credential, $NoProxy)
} -ScriptBlock {
    param($module, $uri, $credential, $noProxy)
    $ErrorActionPreference = 'Stop'
    Import-Module $module
    $proxy = @{ Uri = $uri }
    if ($credential) { $proxy.Credential = $credential }
    if ($noProxy) { $proxy.NoProxy = $noProxy }
    Set-CloudLinkProxy @proxy -WarningAction SilentlyContinue
    foreach ($instance in Get-CloudLinkInstance) {
        $instance | Restart-CloudLinkInstance
        $checks = @(Test-CloudLinkConnection -ConfigPath $instance.ConfigPath)
        $failed = @($checks | Where-Object { -not $_.Succeeded })
        [pscustomobject]@{
            Name = $instance.Name
            Ok = $failed.Count -eq 0
            Message = if ($failed) { ($failed | ForEach-Object { "$($_.Host): $($_.Message)" }) -join ' ' } else { ($checks | ForEach-Object Message) -join ' ' }
        }
    }
}

foreach ($entry in $rollout) {
    if ($entry.Error) {
        New-CloudLinkFleetResult $entry.Host '' 'Failed' $entry.Error
        continue
    }

    foreach ($instance in $entry.Output) {
        New-CloudLinkFleetResult $entry.Host $instance.Name ($instance.Ok ? 'ProxySet' : 'Failed') $instance.Message
    }
}
