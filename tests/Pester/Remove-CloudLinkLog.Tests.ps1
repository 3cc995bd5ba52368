# Pester 5 tests of Remove-CloudLinkLog: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Remove-CloudLinkLog' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Remove-CloudLinkLog' | Should -Be 'PassThru OlderThan Keep ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Remove-CloudLinkLog' | Should -Be 'Medium'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'lists with -WhatIf, then deletes only rotated logs' {
            $folder = New-TestInstance
            '2026-01-01', '2026-01-02' | ForEach-Object { Set-Content -Path (Join-Path $folder "injixo-cloud-link.$_.1.log") -Value old }
            Set-Content -Path (Join-Path $folder 'injixo-cloud-link.log') -Value current
            Remove-CloudLinkLog -ConfigPath $folder -Keep 0 -WhatIf
            @(Get-ChildItem $folder -Filter *.log).Count | Should -Be 3
            $deleted = Remove-CloudLinkLog -ConfigPath $folder -Keep 0 -PassThru -Confirm:$false
            @($deleted).Count | Should -Be 2
            (Get-ChildItem $folder -Filter *.log).Name | Should -Be 'injixo-cloud-link.log'
        }
    }
}
