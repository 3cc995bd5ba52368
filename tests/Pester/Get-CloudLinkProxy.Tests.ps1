# Pester 5 tests of Get-CloudLinkProxy: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Get-CloudLinkProxy' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Get-CloudLinkProxy' | Should -Be ''
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Get-CloudLinkProxy').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'shows a proxy set with a credential, password masked' -Tag 'Linux' {
            $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root'
            try {
                $credential = [pscredential]::new('svc', (ConvertTo-SecureString 'p@ss:word' -AsPlainText -Force))
                Set-CloudLinkProxy -Uri http://proxy.corp:3128 -Credential $credential -NoProxy localhost -WarningAction SilentlyContinue
                $proxy = Get-CloudLinkProxy
                $proxy.Uri | Should -Be 'http://svc:****@proxy.corp:3128'
                $proxy.NoProxy | Should -Be 'localhost'
            }
            finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'reads the machine variables, the password masked' {
            try {
                [Environment]::SetEnvironmentVariable('HTTPS_PROXY', 'http://svc:secret@proxy.corp:8080', 'Machine')
                [Environment]::SetEnvironmentVariable('NO_PROXY', 'localhost', 'Machine')

                $proxy = Get-CloudLinkProxy

                $proxy.Uri | Should -Be 'http://svc:****@proxy.corp:8080'
                $proxy.NoProxy | Should -Be 'localhost'
            }
            finally { Remove-CloudLinkProxy -Confirm:$false }
        }
    }
}
