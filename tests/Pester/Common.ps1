# What every Pester file of the module shares; dot-sourced in BeforeDiscovery (for -Skip) and BeforeAll.
# 'Integration' tests change files under $TestDrive and a host root (CLOUDLINK_HOST_ROOT) and run the
# real agent from the release archive in CLOUDLINK_PACKAGE (skipped, with that reason, without it).

$script:OnWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows
$script:HasPackage = [bool]$env:CLOUDLINK_PACKAGE
# Windows tests run under Wine here (tests/CloudLink.PwshHost); CLOUDLINK_WIN_AGENT is the win-x64 agent's Linux path.
$script:UnderWine = $script:OnWindows -and (Test-Path 'HKLM:\Software\Wine')
$script:WinAgent = if ($script:OnWindows -and $env:CLOUDLINK_WIN_AGENT) { 'Z:' + $env:CLOUDLINK_WIN_AGENT.Replace('/', '\') }
# The product MSI (scripts/package.sh), by its Linux path in CLOUDLINK_MSI.
$script:WinMsi = if ($script:OnWindows -and $env:CLOUDLINK_MSI) { 'Z:' + $env:CLOUDLINK_MSI.Replace('/', '\') }

function Import-CloudLinkTestModule {
    Import-Module $env:CLOUDLINK_TEST_MODULE -Force
}

function New-TestInstance {
    # An unpacked release with a config, as Install-CloudLinkInstance leaves it (without a service).
    $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    # The release archive is Linux's; on Windows the tests that use this folder need only the config.
    if ($env:CLOUDLINK_PACKAGE -and -not $script:OnWindows) { tar -xzf $env:CLOUDLINK_PACKAGE -C $folder }
    Set-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "# kept`n[app]`nverbose = false # why`n" -NoNewline
    $folder
}

function Get-CloudLinkParameterSignature([string] $Name) {
    # Each parameter of the cmdlet's one parameter set, common ones left out: Name[M,P,#0] for
    # mandatory, bound from the pipeline by property name, and its position.
    $command = Get-Command $Name
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    @($command.ParameterSets).Count | Should -Be 1 -Because "$Name has one parameter set"
    $signature = foreach ($parameter in $command.ParameterSets[0].Parameters | Where-Object { $common -notcontains $_.Name }) {
        $flags = @()
        if ($parameter.IsMandatory) { $flags += 'M' }
        if ($parameter.ValueFromPipelineByPropertyName) { $flags += 'P' }
        if ($parameter.ValueFromPipeline) { $flags += 'V' }
        if ($parameter.Position -ge 0) { $flags += "#$($parameter.Position)" }
        if ($flags) { "$($parameter.Name)[$($flags -join ',')]" } else { $parameter.Name }
    }
    $signature -join ' '
}

function Get-CloudLinkConfirmImpact([string] $Name) {
    # 'None' when the cmdlet does not support -WhatIf/-Confirm, else its ConfirmImpact.
    $attribute = (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0]
    if (-not $attribute.SupportsShouldProcess) { return 'None' }
    (Get-Command $Name).Parameters.Keys | Should -Contain 'WhatIf'
    (Get-Command $Name).Parameters.Keys | Should -Contain 'Confirm'
    "$($attribute.ConfirmImpact)"
}

function New-WindowsTestInstance([string] $Name) {
    # A folder with the win-x64 agent and a config naming the instance, for a Windows service; the cloud is never reached.
    $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    Copy-Item -Path $script:WinAgent -Destination (Join-Path $folder 'injixo-cloud-link.exe')
    Set-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "[app]`nname = `"$Name`"`n`n[cloud]`nurl = `"http://127.0.0.1:9/`"`n"
    $folder
}

function Invoke-WindowsTestAgent([string] $Folder, [string[]] $Arguments) {
    # The instance's own agent, e.g. 'service install'; throws with its output when it fails.
    $output = & (Join-Path $Folder 'injixo-cloud-link.exe') --config (Join-Path $Folder 'injixo-cloud-link.toml') @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) { throw "injixo-cloud-link $($Arguments -join ' ') failed ($LASTEXITCODE): $output" }
}

function Remove-WindowsTestProduct([string] $Folder) {
    # Cleanup after a test that installed from the MSI: the instance's product, whatever the test left.
    try { Uninstall-CloudLinkInstance -ConfigPath (Join-Path $Folder 'injixo-cloud-link.toml') -RemoveFiles -Confirm:$false -ErrorAction Stop } catch { Write-Warning "$_" }
}
