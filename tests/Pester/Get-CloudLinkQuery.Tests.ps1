# Pester 5 tests of Get-CloudLinkQuery: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Get-CloudLinkQuery' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Get-CloudLinkQuery' | Should -Be 'ConfigPath[P,#0]'
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Get-CloudLinkQuery').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'warns, and returns nothing, for an instance that has not received a query' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            $query = Get-CloudLinkQuery -ConfigPath $folder -WarningVariable warnings -WarningAction SilentlyContinue
            $query | Should -BeNullOrEmpty
            "$warnings" | Should -Match 'has not received a database query yet'
        }
    }
}
