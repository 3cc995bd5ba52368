# Pester 5 tests of Set-CloudLinkProxy: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Set-CloudLinkProxy' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Set-CloudLinkProxy' | Should -Be 'Uri[M,#0] Credential NoProxy PassThru'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Set-CloudLinkProxy' | Should -Be 'Medium'
        }

        It 'refuses a URI without a scheme' {
            { Set-CloudLinkProxy -Uri 'proxy.corp:3128' -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ProxyInvalid*'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'writes the proxy for every instance, private, and returns it with the password masked' -Tag 'Linux' {
            $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root'
            try {
                $credential = [pscredential]::new('svc', (ConvertTo-SecureString 'p@ss word' -AsPlainText -Force))
                $proxy = Set-CloudLinkProxy -Uri http://proxy.corp:3128 -Credential $credential -NoProxy 'localhost,127.0.0.1' -PassThru -WarningAction SilentlyContinue
                $proxy.Uri | Should -Be 'http://svc:****@proxy.corp:3128'
                $proxy.HasPassword | Should -BeTrue
                (Get-Item $proxy.Location).UnixMode | Should -Be '-rw-------'
                Get-Content $proxy.Location -Raw | Should -Match ([regex]::Escape("HTTPS_PROXY='http://svc:p%40ss%20word@proxy.corp:3128'"))
            }
            finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'sets the machine variables HTTPS_PROXY and NO_PROXY, the credential encoded into the URL and never shown' {
            try {
                $credential = [pscredential]::new('CORP\svc', (ConvertTo-SecureString 'p@ss w0rd' -AsPlainText -Force))

                $proxy = Set-CloudLinkProxy -Uri http://proxy.corp:3128 -Credential $credential -NoProxy 'localhost,.corp' -PassThru -WarningAction SilentlyContinue

                [Environment]::GetEnvironmentVariable('HTTPS_PROXY', 'Machine') | Should -Be 'http://CORP%5Csvc:p%40ss%20w0rd@proxy.corp:3128'
                [Environment]::GetEnvironmentVariable('NO_PROXY', 'Machine') | Should -Be 'localhost,.corp'
                $proxy.Uri | Should -Be 'http://CORP%5Csvc:****@proxy.corp:3128'
                ($proxy | Out-String) | Should -Not -Match 'w0rd'
            }
            finally { Remove-CloudLinkProxy -Confirm:$false }
        }
    }
}
