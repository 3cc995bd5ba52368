# Pester 5 tests of Uninstall-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Uninstall-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Uninstall-CloudLinkInstance' | Should -Be 'RemoveFiles PassThru ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Uninstall-CloudLinkInstance' | Should -Be 'High'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'reports an instance without a service as CloudLink.ServiceFailed and leaves its files' -Skip:(-not $script:HasPackage -or $script:OnWindows) {
            $folder = New-TestInstance
            { Uninstall-CloudLinkInstance -ConfigPath $folder -RemoveFiles -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ServiceFailed*'
            Join-Path $folder 'injixo-cloud-link.toml' | Should -Exist
        }
    }
}
