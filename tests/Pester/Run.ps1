# Runs the Pester suites against the built module and prints "PESTER <passed> <failed> <skipped>"
# for .ci/test. Usage: pwsh -NoProfile -File tests/Pester/Run.ps1 -ModulePath <built CloudLink.psd1>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string[]] $Tag
)

$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0
$env:CLOUDLINK_TEST_MODULE = (Resolve-Path $ModulePath).Path
$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
if ($Tag) { $configuration.Filter.Tag = $Tag }
# Tests of one platform's paths are tagged with it and left out on the other (never counted as skipped).
$configuration.Filter.ExcludeTag = if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') { 'Linux' } else { 'Windows' }
$result = Invoke-Pester -Configuration $configuration
"PESTER $($result.PassedCount) $($result.FailedCount) $($result.SkippedCount)"
