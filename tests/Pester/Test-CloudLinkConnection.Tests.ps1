# Pester 5 tests of Test-CloudLinkConnection: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Test-CloudLinkConnection' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Test-CloudLinkConnection' | Should -Be 'Uri TimeoutSeconds ConfigPath[P,#0]'
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Test-CloudLinkConnection').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }

        It 'stops at DNS for an unknown host and says so' {
            $check = Test-CloudLinkConnection -Uri https://cloudlink-test.invalid/
            $check.Succeeded | Should -BeFalse
            $check.DnsResolved | Should -BeFalse
            $check.Message | Should -Match 'DNS'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'reaches a listening port over TCP and says where HTTP failed' {
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start()
            try {
                $check = Test-CloudLinkConnection -Uri "http://127.0.0.1:$($listener.LocalEndpoint.Port)/" -TimeoutSeconds 3
                $check.DnsResolved | Should -BeTrue
                $check.TcpConnected | Should -BeTrue
                $check.Succeeded | Should -BeFalse
                $check.Message | Should -Match 'HTTP'
            }
            finally { $listener.Stop() }
        }
    }
}
