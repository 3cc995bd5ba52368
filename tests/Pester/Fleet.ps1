# A test fleet for the runbooks (dot-source it): Linux hosts as systemd-ct containers, each with sshd and
# pwsh and reached by PowerShell remoting over SSH; the reference cloud and a real proxy (tinyproxy) on this
# machine, bridged into each container's private network over Unix sockets (socat).
# Needs root, CLOUDLINK_FLEET_CT_ROOT (systemd-ct build ROOT openssh-server socat), CLOUDLINK_PACKAGE,
# the pwsh tool on PATH, socat and tinyproxy; Get-CloudLinkFleetSkipReason says which is missing.

$script:SystemdCt = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../../shared/tools/systemd-ct'))
$script:Repository = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))

function Get-CloudLinkFleetSkipReason {
    if (-not $IsLinux) { return 'The fleet runs Linux containers.' }
    if ((id -u) -ne '0') { return 'systemd-ct needs root.' }
    if (-not $env:CLOUDLINK_FLEET_CT_ROOT) { return 'Needs CLOUDLINK_FLEET_CT_ROOT (systemd-ct build ROOT openssh-server socat); .ci/run builds it.' }
    if (-not $env:CLOUDLINK_PACKAGE) { return 'Needs CLOUDLINK_PACKAGE (scripts/package.sh); .ci/run sets it.' }
    foreach ($tool in 'socat', 'tinyproxy', 'ssh', 'ssh-keygen') {
        if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { return "Needs $tool on this machine (apt-get install socat tinyproxy openssh-client)." }
    }
    if (-not (Test-Path $script:SystemdCt)) { return "systemd-ct not found at $script:SystemdCt." }
    ''
}

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Wait-Until([scriptblock] $Condition, [string] $What, [int] $Seconds = 120) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $Seconds s waiting for $What." }
        Start-Sleep -Milliseconds 200
    }
}

function Invoke-Ct([string[]] $Arguments, [switch] $AllowFailure) {
    $output = & $script:SystemdCt @Arguments 2>&1
    if ($LASTEXITCODE -ne 0 -and -not $AllowFailure) { throw "systemd-ct $($Arguments -join ' ') failed ($LASTEXITCODE): $output" }
    $output
}

function New-CloudLinkTestFleet([string] $Work) {
    # What Start-CloudLinkTestFleet fills in; kept by the caller first, so Stop-CloudLinkTestFleet can stop what started.
    New-Item -ItemType Directory -Path (Join-Path $Work 'sockets'), (Join-Path $Work 'cloud') -Force | Out-Null
    $fleet = [pscustomobject]@{
        Work = $Work; Hosts = @(); Sessions = @(); Processes = @(); Key = (Join-Path $Work 'id_ed25519')
        CloudPort = Get-FreeTcpPort; ProxyPort = Get-FreeTcpPort; Cloud = $null; Token = $null
        ProxyLog = (Join-Path $Work 'tinyproxy.log'); Archive = "/opt/cloudlink-package/$(Split-Path -Leaf $env:CLOUDLINK_PACKAGE)"
        Module = '/opt/cloudlink-module/CloudLink.psd1'
    }
    $fleet.Cloud = [uri] "http://127.0.0.1:$($fleet.CloudPort)/"
    $fleet
}

function Start-CloudLinkTestFleet {
    <# Boots the hosts, the cloud and the proxy of a fleet from New-CloudLinkTestFleet. #>
    param($Fleet, [string[]] $HostName)

    $Work = $fleet.Work
    ssh-keygen -q -t ed25519 -N '' -f $fleet.Key | Out-Null

    # The reference cloud: TCP for this machine and the proxy, a Unix socket for the containers.
    $cloudDll = Join-Path $script:Repository 'src/CloudLink.Cloud/bin/Release/net10.0/cloudlink-cloud.dll'
    $token = (dotnet $cloudDll account create 'Fleet runbooks' fleet@example.com "--Cloud:DataDirectory=$Work/cloud" | Select-Object -Last 1)
    $fleet.Token = ConvertTo-SecureString $token -AsPlainText -Force
    $fleet.Processes += Start-Process dotnet -PassThru -RedirectStandardOutput "$Work/cloud.log" -RedirectStandardError "$Work/cloud.err" -ArgumentList @(
        $cloudDll, '--urls', "http://127.0.0.1:$($fleet.CloudPort);http://unix:$Work/sockets/cloud.sock", "--Cloud:DataDirectory=$Work/cloud")
    Wait-Until { Test-Path "$Work/sockets/cloud.sock" } 'the reference cloud to listen' 60

    # tinyproxy on loopback, reached from the containers through proxy.sock.
    Set-Content -Path "$Work/tinyproxy.conf" -Value @"
Port $($fleet.ProxyPort)
Listen 127.0.0.1
Timeout 60
LogFile "$($fleet.ProxyLog)"
LogLevel Info
MaxClients 20
Allow 127.0.0.1
"@
    $fleet.Processes += Start-Process tinyproxy -PassThru -ArgumentList '-d', '-c', "$Work/tinyproxy.conf" -RedirectStandardOutput "$Work/tinyproxy.out" -RedirectStandardError "$Work/tinyproxy.err"
    $fleet.Processes += Start-Process socat -PassThru -ArgumentList "UNIX-LISTEN:$Work/sockets/proxy.sock,fork,mode=600", "TCP:127.0.0.1:$($fleet.ProxyPort)" `
        -RedirectStandardOutput "$Work/socat.out" -RedirectStandardError "$Work/socat.err"
    Wait-Until { Test-Path "$Work/sockets/proxy.sock" } 'the proxy bridge' 30

    Set-Content -Path "$Work/pwsh" -Value @"
#!/bin/sh
export DOTNET_ROOT=/usr/share/dotnet DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PATH=/usr/share/dotnet:`$PATH
exec $((Get-Command pwsh).Source) "`$@"
"@
    Set-Content -Path "$Work/powershell.conf" -Value 'Subsystem powershell /usr/local/bin/pwsh -sshs -NoLogo'
    Set-Content -Path "$Work/setup.sh" -Value @"
#!/bin/sh
# Inside each host: its name, sshd's keys, and the bridges to this machine's cloud and proxy.
set -e
hostname "`$1"
ssh-keygen -A >/dev/null
mkdir -p /run/sshd
systemd-run --unit=cloud-bridge socat TCP-LISTEN:$($fleet.CloudPort),bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:/run/cloudlink-fleet/cloud.sock
systemd-run --unit=proxy-bridge socat TCP-LISTEN:$($fleet.ProxyPort),bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:/run/cloudlink-fleet/proxy.sock
"@
    $dotnet = Split-Path -Parent (realpath (Get-Command dotnet).Source)
    $pwshTool = Split-Path -Parent (Split-Path -Parent (Get-Command pwsh).Source)
    $moduleFolder = Split-Path -Parent $env:CLOUDLINK_TEST_MODULE
    foreach ($name in $HostName) {
        Invoke-Ct @('boot', $env:CLOUDLINK_FLEET_CT_ROOT, $name, "--bind-ro=${dotnet}:/usr/share/dotnet", "--bind-ro=$pwshTool", "--bind-ro=${moduleFolder}:/opt/cloudlink-module",
            "--bind-ro=$(Split-Path -Parent $env:CLOUDLINK_PACKAGE):/opt/cloudlink-package", "--bind=$Work/sockets:/run/cloudlink-fleet") | Out-Null
        $fleet.Hosts += $name
        Invoke-Ct @('put', $name, "$Work/pwsh", '/usr/local/bin/pwsh', '0755') | Out-Null
        Invoke-Ct @('put', $name, "$($fleet.Key).pub", '/root/.ssh/authorized_keys', '0600') | Out-Null
        Invoke-Ct @('put', $name, "$Work/powershell.conf", '/etc/ssh/sshd_config.d/powershell.conf', '0644') | Out-Null
        Invoke-Ct @('put', $name, "$Work/setup.sh", '/root/setup.sh', '0755') | Out-Null
        Invoke-Ct @('exec', $name, '/root/setup.sh', $name) | Out-Null
        $fleet.Sessions += New-CloudLinkTestSession $fleet $name
    }
}

function New-CloudLinkTestSession($Fleet, [string] $Name) {
    # PowerShell remoting over SSH; the container has no network, so ssh reaches its sshd through systemd-ct.
    New-PSSession -HostName $Name -UserName root -KeyFilePath $Fleet.Key -ErrorAction Stop -Options @{
        ProxyCommand = "$script:SystemdCt exec $Name /usr/sbin/sshd -i"; StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR'
    }
}

function Stop-CloudLinkTestFleet($Fleet) {
    if (-not $Fleet) { return }
    $Fleet.Sessions | Remove-PSSession -ErrorAction SilentlyContinue
    foreach ($name in $Fleet.Hosts) { Invoke-Ct @('stop', $name) -AllowFailure | Out-Null }
    foreach ($process in $Fleet.Processes) { if (-not $process.HasExited) { $process.Kill($true); $process.WaitForExit() } }
}

function Start-CloudLinkTestHost([string] $Prefix) {
    # One systemd host with the module imported in its session, for a cmdlet's service tests; $null when
    # Get-CloudLinkFleetSkipReason says why it cannot run. Stop it with Stop-CloudLinkTestFleet.
    if (Get-CloudLinkFleetSkipReason) { return $null }
    $fleet = New-CloudLinkTestFleet (Join-Path $TestDrive "host-$Prefix")
    try {
        Start-CloudLinkTestFleet $fleet "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 4))"
        Invoke-Command -Session $fleet.Sessions[0] -ArgumentList $fleet.Module -ScriptBlock { param($module) Import-Module $module -ErrorAction Stop }
    }
    catch {
        Stop-CloudLinkTestFleet $fleet
        throw
    }
    $fleet
}
