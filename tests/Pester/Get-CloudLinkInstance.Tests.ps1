# Pester 5 tests of Get-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Get-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Get-CloudLinkInstance' | Should -Be 'Name[#0] ConfigPath[P]'
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Get-CloudLinkInstance').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'describes an instance given by its folder' -Skip:(-not $env:CLOUDLINK_PACKAGE) {
            $folder = New-TestInstance
            $instance = Get-CloudLinkInstance -ConfigPath $folder
            $instance.Name | Should -Be 'com.injixo.cloud-link'
            $instance.Folder | Should -Be $folder
            $instance.Linked | Should -BeFalse
            $instance.Version | Should -Not -BeNullOrEmpty
        }
    }
}
