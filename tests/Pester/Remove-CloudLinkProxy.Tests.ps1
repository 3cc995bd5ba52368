# Pester 5 tests of Remove-CloudLinkProxy: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Remove-CloudLinkProxy' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Remove-CloudLinkProxy' | Should -Be 'PassThru'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Remove-CloudLinkProxy' | Should -Be 'Medium'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'removes the proxy and returns what it was with -PassThru' -Tag 'Linux' {
            $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root2'
            try {
                Set-CloudLinkProxy -Uri http://proxy.corp:3128 -WarningAction SilentlyContinue
                (Remove-CloudLinkProxy -PassThru).Uri | Should -Be 'http://proxy.corp:3128'
                Get-CloudLinkProxy | Should -BeNullOrEmpty
            }
            finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'removes the machine variables and returns what they were with -PassThru' {
            [Environment]::SetEnvironmentVariable('HTTPS_PROXY', 'http://proxy.corp:8080', 'Machine')
            [Environment]::SetEnvironmentVariable('NO_PROXY', '.corp', 'Machine')

            $removed = Remove-CloudLinkProxy -PassThru -Confirm:$false

            $removed.Uri | Should -Be 'http://proxy.corp:8080'
            [Environment]::GetEnvironmentVariable('HTTPS_PROXY', 'Machine') | Should -BeNullOrEmpty
            [Environment]::GetEnvironmentVariable('NO_PROXY', 'Machine') | Should -BeNullOrEmpty
        }
    }
}
