# Pester 5 tests of Get-CloudLinkConfig: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Get-CloudLinkConfig' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Get-CloudLinkConfig' | Should -Be 'Key[#1] ConfigPath[P,#0]'
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Get-CloudLinkConfig').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'returns every documented key with its default flag' {
            $folder = New-TestInstance
            $entries = Get-CloudLinkConfig -ConfigPath $folder
            ($entries | Where-Object Key -eq 'app.verbose').IsDefault | Should -BeFalse
            ($entries | Where-Object Key -eq 'cloud.url').IsDefault | Should -BeTrue
        }
    }
}
