@{
    RootModule           = 'CloudLink.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d3c8f0e-6b1a-4f6e-9a57-2b8e4c1d7a90'
    Author               = 'CloudLink contributors'
    CompanyName          = 'CloudLink contributors'
    Copyright            = 'CloudLink contributors'
    Description          = 'Install, pair, configure and run injixo Cloud Link instances: fleet installs, PIN, config, proxy and log purge.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('CloudLink.Format.ps1xml')
    CmdletsToExport      = @(
        'Install-CloudLinkInstance',
        'Get-CloudLinkInstance',
        'Uninstall-CloudLinkInstance',
        'Start-CloudLinkInstance',
        'Stop-CloudLinkInstance',
        'Restart-CloudLinkInstance',
        'Get-CloudLinkPin',
        'Get-CloudLinkConfig',
        'Set-CloudLinkConfig',
        'Start-CloudLinkImport',
        'Get-CloudLinkQuery',
        'Approve-CloudLinkQuery',
        'Set-CloudLinkProxy',
        'Get-CloudLinkProxy',
        'Remove-CloudLinkProxy',
        'Test-CloudLinkConnection',
        'Test-CloudLinkInstance',
        'Test-CloudLinkCsv',
        'Remove-CloudLinkLog',
        'Register-CloudLinkLogPurge',
        'Unregister-CloudLinkLogPurge'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('injixo', 'CloudLink', 'WFM')
        }
    }
}
