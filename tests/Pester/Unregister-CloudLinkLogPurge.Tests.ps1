# Pester 5 tests of Unregister-CloudLinkLogPurge: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Unregister-CloudLinkLogPurge' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Unregister-CloudLinkLogPurge' | Should -Be 'PassThru ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Unregister-CloudLinkLogPurge' | Should -Be 'Medium'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'removes the timer' -Tag 'Linux' {
            $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root4'
            try {
                $folder = New-TestInstance
                $schedule = Register-CloudLinkLogPurge -ConfigPath $folder -Keep 5
                (Unregister-CloudLinkLogPurge -ConfigPath $folder -PassThru).Registered | Should -BeFalse
                $schedule.Location | Should -Not -Exist
            }
            finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
        }
    }
}
