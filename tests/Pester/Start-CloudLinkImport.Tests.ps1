# Pester 5 tests of Start-CloudLinkImport: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Start-CloudLinkImport' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Start-CloudLinkImport' | Should -Be 'From To ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Start-CloudLinkImport' | Should -Be 'Medium'
        }

        It 'needs both -From and -To' {
            { Start-CloudLinkImport -ConfigPath $TestDrive -From (Get-Date) -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.InvalidArgument*'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'says the agent is not running, and how to start it' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            { Start-CloudLinkImport -ConfigPath $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ServiceNotRunning*' -ExpectedMessage '*service start*'
        }
    }
}
