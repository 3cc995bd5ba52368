# Pester 5 tests of Get-CloudLinkPin: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Get-CloudLinkPin' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Get-CloudLinkPin' | Should -Be 'New ConfigPath[P,#0]'
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Get-CloudLinkPin').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }

        It 'reports an invalid config as CloudLink.ConfigInvalid' {
            $folder = Join-Path $TestDrive 'badconfig'
            New-Item -ItemType Directory -Path $folder | Out-Null
            Set-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "[app]`nverbose = maybe`n"
            { Get-CloudLinkPin -ConfigPath $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ConfigInvalid*'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'asks the instance''s own agent, which names the cloud it cannot reach' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            Set-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "[cloud]`nurl = `"http://127.0.0.1:9`"`n" -NoNewline
            { Get-CloudLinkPin -ConfigPath $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.CloudUnreachable*' -ExpectedMessage '*Cannot reach the cloud at http://127.0.0.1:9/*'
        }
    }
}
