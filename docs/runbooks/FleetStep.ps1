# Shared by the fleet runbooks (dot-source it): runs one step on every host at once over PowerShell
# remoting and returns one result per host, so a host that fails is reported without hiding the others.

function Invoke-CloudLinkFleetStep {
    <#
    .SYNOPSIS
    Runs a script block on every session in parallel; returns Host, Output and Error for each host.
    .PARAMETER ArgumentsFor
    A script block given a session that returns the argument list for that host as one array
    (written with a leading comma, so an array argument stays one argument).
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.Runspaces.PSSession[]] $Session,
        [Parameter(Mandatory)] [string] $Activity,
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [scriptblock] $ArgumentsFor = { param($s) , @() }
    )

    $results = [ordered]@{}
    $jobs = @{}
    foreach ($s in $Session) {
        $results[$s.ComputerName] = [pscustomobject]@{ Host = $s.ComputerName; Output = @(); Error = $null }
        if ($s.State -ne 'Opened' -or $s.Availability -ne 'Available') {
            $results[$s.ComputerName].Error = "The session to $($s.ComputerName) is $($s.State) ($($s.Availability)); open a new one with New-PSSession."
            continue
        }

        $arguments = & $ArgumentsFor $s
        $jobs[$s.ComputerName] = Invoke-Command -Session $s -ScriptBlock $ScriptBlock -ArgumentList $arguments -AsJob
    }

    $done = 0
    while ($jobs.Count -gt 0) {
        Write-Progress -Activity $Activity -Status "$done of $($Session.Count) hosts done; waiting for $(@($jobs.Keys) -join ', ')" -PercentComplete (100 * $done / [Math]::Max(1, $Session.Count))
        $finished = Wait-Job -Job @($jobs.Values) -Any
        $name = @($jobs.Keys | Where-Object { $jobs[$_].Id -eq $finished.Id })[0]
        $jobs.Remove($name)
        $done++
        $problems = $null
        $results[$name].Output = @(Receive-Job -Job $finished -ErrorAction SilentlyContinue -ErrorVariable problems)
        $reason = $finished.ChildJobs | ForEach-Object { $_.JobStateInfo.Reason } | Where-Object { $_ } | Select-Object -First 1
        if ($reason) {
            $results[$name].Error = $reason.Message
        }
        elseif ($problems) {
            $results[$name].Error = (@($problems) | ForEach-Object { "$_" }) -join ' '
        }

        Remove-Job -Job $finished -Force -WhatIf:$false
    }

    Write-Progress -Activity $Activity -Completed
    $results.Values
}

function New-CloudLinkFleetResult([string] $HostName, [string] $Instance, [string] $Action, [string] $Message) {
    # One line of a runbook's report: what was done where, or why it failed.
    [pscustomobject]@{ PSTypeName = 'CloudLink.FleetResult'; Host = $HostName; Instance = $Instance; Action = $Action; Message = $Message }
}
