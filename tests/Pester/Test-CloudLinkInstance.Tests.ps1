# Pester 5 tests of Test-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Test-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Test-CloudLinkInstance' | Should -Be 'Quiet ConfigPath[P,#0]'
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Test-CloudLinkInstance').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'returns one result per check with its fix, and -Quiet says whether one failed' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            Add-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "[cloud]`nurl = `"http://127.0.0.1:9`"`n" -NoNewline
            $results = Test-CloudLinkInstance -ConfigPath $folder
            ($results | Where-Object Name -EQ 'config').Status | Should -Be 'Ok'
            $cloud = $results | Where-Object Name -EQ 'cloud'
            $cloud.Status | Should -Be 'Failed'
            $cloud.Fix | Should -Not -BeNullOrEmpty
            $results.Instance | Select-Object -Unique | Should -Be 'com.injixo.cloud-link'
            Test-CloudLinkInstance -ConfigPath $folder -Quiet | Should -BeFalse
        }
    }
}
