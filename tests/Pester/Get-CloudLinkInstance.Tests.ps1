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
        It 'describes an instance given by its folder' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            $instance = Get-CloudLinkInstance -ConfigPath $folder
            $instance.Name | Should -Be 'com.injixo.cloud-link'
            $instance.Folder | Should -Be $folder
            $instance.Linked | Should -BeFalse
            $instance.Version | Should -Not -BeNullOrEmpty
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'lists the default instance and instance 1 from their Windows services, each with its state and folder' -Skip:(-not $script:WinAgent) {
            $default = New-WindowsTestInstance 'com.injixo.cloud-link'
            $first = New-WindowsTestInstance 'com.injixo.cloud-link.instance.1'
            try {
                Invoke-WindowsTestAgent $default 'service', 'install'
                Invoke-WindowsTestAgent $first 'service', 'install'
                Invoke-WindowsTestAgent $default 'service', 'start'

                $found = @(Get-CloudLinkInstance -Name 'com.injixo.cloud-link', 'com.injixo.cloud-link.instance.1')

                $found.Name | Should -Be @('com.injixo.cloud-link', 'com.injixo.cloud-link.instance.1')
                $found.Service | Should -Be @('injixo Cloud Link', 'injixo Cloud Link (Instance 1)')
                $found.Folder | Should -Be @($default, $first)
                $found.State | Should -Be @('Running', 'Stopped')
            }
            finally {
                foreach ($folder in $first, $default) { try { Invoke-WindowsTestAgent $folder 'service', 'uninstall' } catch { Write-Warning "$_" } }
            }
        }
    }
}
