# What every Pester file of the module shares; dot-sourced in BeforeDiscovery (for -Skip) and BeforeAll.
# 'Integration' tests change files under $TestDrive and a host root (CLOUDLINK_HOST_ROOT) and run the
# real agent from the release archive in CLOUDLINK_PACKAGE (skipped, with that reason, without it).

$script:OnWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows
$script:HasPackage = [bool]$env:CLOUDLINK_PACKAGE

function Import-CloudLinkTestModule {
    Import-Module $env:CLOUDLINK_TEST_MODULE -Force
}

function New-TestInstance {
    # An unpacked release with a config, as Install-CloudLinkInstance leaves it (without a service).
    $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    if ($env:CLOUDLINK_PACKAGE) { tar -xzf $env:CLOUDLINK_PACKAGE -C $folder }
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
