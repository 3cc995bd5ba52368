#Requires -Version 7.0
<#
.SYNOPSIS
Installs, starts and pairs CloudLink instances on many Linux hosts over PowerShell remoting.

.DESCRIPTION
For every host (an open PSSession, e.g. New-PSSession -HostName acd1 -UserName root -KeyFilePath ~/.ssh/id_ed25519),
makes sure the wanted number of instances is installed, running and linked to the cloud:
the default instance in <BaseFolder>/default, further ones in <BaseFolder>/instance<N>. A missing instance is
installed from the release archive on that host and started; a stopped one is started; an unlinked one is
paired: its PIN is entered in the cloud through the people API, on an integration named "<host> <instance>"
(created as a CSV integration when missing), and the runbook waits until the agent is linked.
An instance that is installed, running and linked is left alone, so a second run changes nothing.
-WhatIf prints the plan and changes nothing. A host that fails is reported for that host; the others go on.
Returns one CloudLink.FleetResult per instance (Host, Instance, Action, Message).

.EXAMPLE
$sessions = 'acd1', 'acd2' | ForEach-Object { New-PSSession -HostName $_ -UserName root -KeyFilePath ~/.ssh/cloudlink }
./Install-CloudLinkFleet.ps1 -Session $sessions -ArchivePath /srv/injixo-cloud-link-1.0.0-linux-x64.tar.gz `
    -CloudUrl https://www.injixo.com -ApiToken (Read-Host -AsSecureString 'API token') -InstanceCount @{ acd2 = 2 } -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [System.Management.Automation.Runspaces.PSSession[]] $Session,
    # The release archive, at this path on every host.
    [Parameter(Mandatory)] [string] $ArchivePath,
    # The cloud the instances link to; its people API takes the PINs.
    [Parameter(Mandatory)] [uri] $CloudUrl,
    # A personal API token of the cloud account (Settings > API tokens).
    [Parameter(Mandatory)] [securestring] $ApiToken,
    # Instances per host by host name; hosts not named get one.
    [hashtable] $InstanceCount = @{},
    [string] $BaseFolder = '/opt/injixo-cloud-link',
    # The CloudLink module on the hosts: a name on their PSModulePath or a path to CloudLink.psd1.
    [string] $ModulePath = 'CloudLink',
    [int] $LinkTimeoutSeconds = 180
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'FleetStep.ps1')

function Get-WantedInstance([string] $HostName) {
    $count = if ($InstanceCount.ContainsKey($HostName)) { [int] $InstanceCount[$HostName] } else { 1 }
    foreach ($number in 0..($count - 1)) {
        if ($number -eq 0) { [pscustomobject]@{ Name = 'com.injixo.cloud-link'; Folder = "$BaseFolder/default" } }
        else { [pscustomobject]@{ Name = "com.injixo.cloud-link.instance.$number"; Folder = "$BaseFolder/instance$number" } }
    }
}

function Connect-Pin([string] $HostName, [string] $Instance, [string] $Pin) {
    # The person's step on the integrations page, through the people API: find or create the integration, enter the PIN.
    $api = @{ Authentication = 'Bearer'; Token = $ApiToken; ContentType = 'application/json'; AllowUnencryptedAuthentication = ($CloudUrl.Scheme -eq 'http') }
    $name = "$HostName $Instance"
    # Invoke-RestMethod writes a JSON array as one object: keep it in a variable, so the pipe below enumerates it.
    $integrations = Invoke-RestMethod @api -Uri ([uri]::new($CloudUrl, 'api/v1/integrations'))
    $integration = $integrations | Where-Object { $_.name -eq $name } | Select-Object -First 1
    if (-not $integration) {
        $integration = Invoke-RestMethod @api -Method Post -Uri ([uri]::new($CloudUrl, 'api/v1/integrations')) -Body (@{ name = $name; type = 'csv' } | ConvertTo-Json)
    }

    Invoke-RestMethod @api -Method Post -Uri ([uri]::new($CloudUrl, "api/v1/integrations/$($integration.id)/connect")) -Body (@{ pin = $Pin } | ConvertTo-Json) | Out-Null
}

# 1. What each host has (read-only).
$inventory = Invoke-CloudLinkFleetStep -Session $Session -Activity 'Reading the installed CloudLink instances' -ArgumentsFor { param($s) , @($ModulePath) } -ScriptBlock {
    param($module)
    $ErrorActionPreference = 'Stop'
    Import-Module $module
    Get-CloudLinkInstance | Select-Object Name, Folder, State, Linked
}

# 2. The plan: what to do on which host; results for what needs nothing (-WhatIf stops here).
$plan = @{}
foreach ($entry in $inventory) {
    if ($entry.Error) {
        New-CloudLinkFleetResult $entry.Host '' 'Failed' $entry.Error
        continue
    }

    $actions = [System.Collections.Generic.List[object]]::new()
    foreach ($wanted in Get-WantedInstance $entry.Host) {
        $found = $entry.Output | Where-Object Name -EQ $wanted.Name
        $action = if (-not $found) { 'Install' } elseif ($found.State -ne 'Running') { 'Start' } elseif (-not $found.Linked) { 'Pair' } else { 'Unchanged' }
        $what = switch ($action) {
            'Install' { "Install $($wanted.Name) into $($wanted.Folder), start it and pair it with $CloudUrl" }
            'Start' { "Start $($wanted.Name) (now $($found.State)) and pair it if it is not linked" }
            'Pair' { "Pair $($wanted.Name) with $CloudUrl (integration '$($entry.Host) $($wanted.Name)')" }
        }
        if ($action -eq 'Unchanged') {
            New-CloudLinkFleetResult $entry.Host $wanted.Name 'Unchanged' 'Installed, running and linked.'
        }
        elseif ($PSCmdlet.ShouldProcess($entry.Host, $what)) {
            $actions.Add([pscustomobject]@{ Name = $wanted.Name; Folder = $wanted.Folder; Action = $action })
        }
    }

    if ($actions.Count -gt 0) { $plan[$entry.Host] = $actions.ToArray() }
}

$work = @($Session | Where-Object { $plan.ContainsKey($_.ComputerName) })
if ($work.Count -eq 0) { return }

# 3. Install and start what is missing, on all hosts at once; each returns its instances' PINs.
$started = Invoke-CloudLinkFleetStep -Session $work -Activity 'Installing and starting CloudLink instances' -ArgumentsFor {
    param($s) , @($ModulePath, $ArchivePath, "$CloudUrl", $plan[$s.ComputerName])
} -ScriptBlock {
    param($module, $archive, $cloud, $actions)
    $ErrorActionPreference = 'Stop'
    Import-Module $module
    foreach ($action in $actions) {
        if ($action.Action -eq 'Install') {
            Install-CloudLinkInstance -Path $archive -Folder $action.Folder -Name $action.Name -CloudUrl $cloud -Start -WarningAction SilentlyContinue | Out-Null
        }
        elseif ($action.Action -eq 'Start') {
            Get-CloudLinkInstance -Name $action.Name | Start-CloudLinkInstance
        }

        $instance = Get-CloudLinkInstance -Name $action.Name
        $pin = if (-not $instance.Linked) { (Get-CloudLinkPin -ConfigPath $instance.ConfigPath).Pin }
        [pscustomobject]@{ Name = $action.Name; Action = $action.Action; Linked = $instance.Linked; Pin = $pin }
    }
}

# 4. Enter each new PIN in the cloud, then wait on every host until its agents are linked.
$pairing = @{}
foreach ($entry in $started) {
    if ($entry.Error) {
        New-CloudLinkFleetResult $entry.Host '' 'Failed' $entry.Error
        continue
    }

    $entered = [System.Collections.Generic.List[object]]::new()
    foreach ($instance in $entry.Output) {
        try {
            if ($instance.Pin) { Connect-Pin $entry.Host $instance.Name $instance.Pin }
            $entered.Add($instance)
        }
        catch {
            New-CloudLinkFleetResult $entry.Host $instance.Name 'Failed' "$($instance.Action) done, but the cloud refused the PIN: $_"
        }
    }

    if ($entered.Count -gt 0) { $pairing[$entry.Host] = $entered.ToArray() }
}

$waiting = @($work | Where-Object { $pairing.ContainsKey($_.ComputerName) })
if ($waiting.Count -eq 0) { return }
$linked = Invoke-CloudLinkFleetStep -Session $waiting -Activity 'Waiting for the agents to link' -ArgumentsFor {
    param($s) , @($ModulePath, $pairing[$s.ComputerName], $LinkTimeoutSeconds)
} -ScriptBlock {
    param($module, $instances, $timeout)
    $ErrorActionPreference = 'Stop'
    Import-Module $module
    $deadline = [DateTime]::UtcNow.AddSeconds($timeout)
    foreach ($instance in $instances) {
        while (-not ($now = Get-CloudLinkInstance -Name $instance.Name).Linked -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 500 }
        [pscustomobject]@{ Name = $instance.Name; Action = $instance.Action; Linked = $now.Linked; State = $now.State; Integration = $now.IntegrationName }
    }
}

foreach ($entry in $linked) {
    if ($entry.Error) {
        New-CloudLinkFleetResult $entry.Host '' 'Failed' $entry.Error
        continue
    }

    foreach ($instance in $entry.Output) {
        if ($instance.Linked -and $instance.State -eq 'Running') {
            New-CloudLinkFleetResult $entry.Host $instance.Name $instance.Action "Running and linked to '$($instance.Integration)'."
        }
        else {
            New-CloudLinkFleetResult $entry.Host $instance.Name 'Failed' "$($instance.Action) done, but the instance is $($instance.State) and not linked after $LinkTimeoutSeconds s; see its log (Get-CloudLinkInstance | Select-Object LogPath)."
        }
    }
}
