# Pester 5 tests of Install-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Install-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Install-CloudLinkInstance' | Should -Be 'Path[M,#0] Folder[#1] Name CloudUrl ImportDirectory ServiceUser Start PassThru'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Install-CloudLinkInstance' | Should -Be 'Medium'
        }

        It 'refuses a missing installer with a stable error id' {
            { Install-CloudLinkInstance -Path (Join-Path $TestDrive 'none.msi') -Folder (Join-Path $TestDrive 'x') -ErrorAction Stop } |
                Should -Throw -ErrorId 'CloudLink.*NotFound*'
        }

        It 'refuses a service user name useradd would refuse, before installing anything' {
            { Install-CloudLinkInstance -Path (Join-Path $TestDrive 'none.tar.gz') -Folder (Join-Path $TestDrive 'z') -ServiceUser 'Bad Name' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            Join-Path $TestDrive 'z' | Should -Not -Exist
        }

        It 'does nothing with -WhatIf' {
            Install-CloudLinkInstance -Path (Join-Path $TestDrive 'none.msi') -Folder (Join-Path $TestDrive 'y') -WhatIf
            Join-Path $TestDrive 'y' | Should -Not -Exist
        }
    }
}
