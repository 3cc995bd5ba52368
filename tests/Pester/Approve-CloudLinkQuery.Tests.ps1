# Pester 5 tests of Approve-CloudLinkQuery: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Approve-CloudLinkQuery' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Approve-CloudLinkQuery' | Should -Be 'Sha256[M,P] ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Approve-CloudLinkQuery' | Should -Be 'High'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'has the instance''s agent record the approval of a hash, lower-cased, before its query arrives' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            $approval = Approve-CloudLinkQuery -ConfigPath $folder -Sha256 ('A' * 64) -Confirm:$false
            $approval.Instance | Should -Be 'com.injixo.cloud-link'
            $approval.Sha256 | Should -Be ('a' * 64)
            $approval.Answer | Should -Not -BeNullOrEmpty
            Get-CloudLinkQuery -ConfigPath $folder -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        }
    }
}
