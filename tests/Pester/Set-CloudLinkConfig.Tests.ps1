# Pester 5 tests of Set-CloudLinkConfig: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Set-CloudLinkConfig' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Set-CloudLinkConfig' | Should -Be 'VerboseLogging ImportDirectory Name CloudUrl LogLevel Key Value Restart PassThru ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Set-CloudLinkConfig' | Should -Be 'Medium'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'edits in place and keeps the comments' {
            $folder = New-TestInstance
            $change = Set-CloudLinkConfig -ConfigPath $folder -VerboseLogging $true -PassThru
            $change.NewValue | Should -BeTrue
            Get-Content (Join-Path $folder 'injixo-cloud-link.toml') -Raw | Should -Be "# kept`n[app]`nverbose = true # why`n"
        }

        It 'refuses an invalid value and leaves the file as it was' {
            $folder = New-TestInstance
            { Set-CloudLinkConfig -ConfigPath $folder -Key csv.scanSeconds -Value 0 -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ConfigInvalid*'
            Get-Content (Join-Path $folder 'injixo-cloud-link.toml') -Raw | Should -Be "# kept`n[app]`nverbose = false # why`n"
        }

        It 'changes nothing with -WhatIf' {
            $folder = New-TestInstance
            Set-CloudLinkConfig -ConfigPath $folder -Name 'com.injixo.cloud-link.instance.5' -WhatIf
            Get-Content (Join-Path $folder 'injixo-cloud-link.toml') -Raw | Should -Not -Match 'instance.5'
        }
    }
}
