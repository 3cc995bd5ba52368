# Pester 5 tests of Install-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Install-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Install-CloudLinkInstance' | Should -Be 'Path[M,#0] Folder[#1] Name CloudUrl ImportDirectory ServiceUser Start PassThru'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Install-CloudLinkInstance' | Should -Be 'Medium'
        }

        It 'refuses a missing installer with a stable error id' {
            { Install-CloudLinkInstance -Path (Join-Path $TestDrive 'none.msi') -Folder (Join-Path $TestDrive 'x') -ErrorAction Stop } |
                Should -Throw -ErrorId 'CloudLink.*NotFound*'
        }

        It 'refuses a service user name useradd would refuse, before installing anything' {
            { Install-CloudLinkInstance -Path (Join-Path $TestDrive 'none.tar.gz') -Folder (Join-Path $TestDrive 'z') -ServiceUser 'Bad Name' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            Join-Path $TestDrive 'z' | Should -Not -Exist
        }

        It 'does nothing with -WhatIf' {
            Install-CloudLinkInstance -Path (Join-Path $TestDrive 'none.msi') -Folder (Join-Path $TestDrive 'y') -WhatIf
            Join-Path $TestDrive 'y' | Should -Not -Exist
        }
    }

    Context 'Integration under systemd' -Tag 'Integration', 'Linux' {
        BeforeAll {
            . $PSScriptRoot/Fleet.ps1
            $script:HostSkip = Get-CloudLinkFleetSkipReason
            $script:TestHost = Start-CloudLinkTestHost 'cli'
        }

        AfterAll {
            Stop-CloudLinkTestFleet $script:TestHost
        }

        It 'installs the first instance and then the next free one, each a running systemd service with its PIN' {
            if ($script:HostSkip) { Set-ItResult -Skipped -Because $script:HostSkip; return }
            $fleet = $script:TestHost
            $installed = Invoke-Command -Session $fleet.Sessions[0] -ScriptBlock {
                foreach ($folder in '/opt/cl/first', '/opt/cl/second') {
                    Install-CloudLinkInstance -Path $using:fleet.Archive -Folder $folder -CloudUrl "$($using:fleet.Cloud)" -Start -PassThru -WarningAction SilentlyContinue |
                        Select-Object Name, Number, Service, State, Pin, @{ n = 'Active'; e = { systemctl is-active $_.Service } }, @{ n = 'User'; e = { systemctl show -p User --value $_.Service } }
                }
            }

            $installed.Name | Should -Be @('com.injixo.cloud-link', 'com.injixo.cloud-link.instance.1')
            $installed.Number | Should -Be @(0, 1)
            $installed.Active | Should -Be @('active', 'active')
            $installed.User | Should -Be @('injixo-cloud-link', 'injixo-cloud-link')
            $installed | ForEach-Object { $_.Pin | Should -Match '^\d{6}$' }
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'installs the next free instance from injixo-cloud-link.msi with its transform: its own folder, service and [app] name' -Skip:(-not ($script:WinAgent -and $script:WinMsi)) {
            # The default and instance 1 are taken (services of their own); Wine refuses a transform once the plain MSI product is registered.
            $default = New-WindowsTestInstance 'com.injixo.cloud-link'
            $first = New-WindowsTestInstance 'com.injixo.cloud-link.instance.1'
            $folder = Join-Path $env:ProgramFiles 'injixo Cloud Link (Instance 2)'
            try {
                Invoke-WindowsTestAgent $default 'service', 'install'
                Invoke-WindowsTestAgent $first 'service', 'install'

                # No cloud answers here: the new instance has no PIN yet, which is a warning, not an error.
                $installed = Install-CloudLinkInstance -Path $script:WinMsi -CloudUrl 'http://127.0.0.1:9/' -PassThru -WarningAction SilentlyContinue -WarningVariable warnings

                $installed.Number | Should -Be 2
                $installed.Name | Should -Be 'com.injixo.cloud-link.instance.2'
                $installed.Service | Should -Be 'injixo Cloud Link (Instance 2)'
                $installed.Folder | Should -Be $folder
                (Get-Service -Name 'injixo Cloud Link (Instance 2)').Status | Should -Be 'Running'
                Get-Content (Join-Path $folder 'injixo-cloud-link.toml') | Should -Contain 'name = "com.injixo.cloud-link.instance.2"'
                Get-Content (Join-Path $folder 'injixo-cloud-link.toml') | Should -Contain 'url = "http://127.0.0.1:9/"'
                "$warnings" | Should -Match 'has no PIN yet'
            }
            finally {
                Remove-WindowsTestProduct $folder
                foreach ($other in $first, $default) { try { Invoke-WindowsTestAgent $other 'service', 'uninstall' } catch { Write-Warning "$_" } }
            }
        }
    }
}
