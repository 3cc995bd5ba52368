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
}
