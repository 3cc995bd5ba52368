# Pester 5 tests of Uninstall-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Uninstall-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Uninstall-CloudLinkInstance' | Should -Be 'RemoveFiles PassThru ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Uninstall-CloudLinkInstance' | Should -Be 'High'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'reports an instance without a service as CloudLink.ServiceFailed and leaves its files' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            { Uninstall-CloudLinkInstance -ConfigPath $folder -RemoveFiles -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ServiceFailed*'
            Join-Path $folder 'injixo-cloud-link.toml' | Should -Exist
        }
    }

    Context 'Integration under systemd' -Tag 'Integration', 'Linux' {
        BeforeAll {
            . $PSScriptRoot/Fleet.ps1
            $script:HostSkip = Get-CloudLinkFleetSkipReason
            $script:TestHost = Start-CloudLinkTestHost 'clu'
        }

        AfterAll {
            Stop-CloudLinkTestFleet $script:TestHost
        }

        It 'removes one instance''s service and, with -RemoveFiles, its folder; the other instance keeps running' {
            if ($script:HostSkip) { Set-ItResult -Skipped -Because $script:HostSkip; return }
            $fleet = $script:TestHost
            $result = Invoke-Command -Session $fleet.Sessions[0] -ScriptBlock {
                Install-CloudLinkInstance -Path $using:fleet.Archive -Folder /opt/cl/keep -CloudUrl "$($using:fleet.Cloud)" -Start -WarningAction SilentlyContinue
                Install-CloudLinkInstance -Path $using:fleet.Archive -Folder /opt/cl/gone -CloudUrl "$($using:fleet.Cloud)" -Start -WarningAction SilentlyContinue
                Get-CloudLinkInstance -Name com.injixo.cloud-link.instance.1 | Uninstall-CloudLinkInstance -RemoveFiles -Confirm:$false
                [pscustomobject]@{
                    Left = @(Get-CloudLinkInstance).Name; Unit = Test-Path /etc/systemd/system/com.injixo.cloud-link.instance.1.service
                    Folder = Test-Path /opt/cl/gone; Kept = systemctl is-active com.injixo.cloud-link.service
                }
            }

            $result.Left | Should -Be @('com.injixo.cloud-link')
            $result.Unit | Should -BeFalse
            $result.Folder | Should -BeFalse
            $result.Kept | Should -Be 'active'
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'removes an MSI instance by its product and transform; its config, log and state stay without -RemoveFiles' -Skip:(-not $script:WinMsi) {
            $folder = Join-Path $env:ProgramFiles 'injixo Cloud Link (Instance 3)'
            try {
                $msiexec = Start-Process -FilePath msiexec -ArgumentList '/i', "`"$script:WinMsi`"", 'MSINEWINSTANCE=1', 'TRANSFORMS=:instance.3', 'CLOUDURL=http://127.0.0.1:9/', '/qn' -Wait -PassThru
                $msiexec.ExitCode | Should -Be 0
                (Get-Service -Name 'injixo Cloud Link (Instance 3)').Status | Should -Be 'Running'

                $removed = Uninstall-CloudLinkInstance -ConfigPath (Join-Path $folder 'injixo-cloud-link.toml') -Confirm:$false -PassThru

                $removed.Name | Should -Be 'com.injixo.cloud-link.instance.3'
                Get-Service -Name 'injixo Cloud Link (Instance 3)' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
                Join-Path $folder 'injixo-cloud-link.exe' | Should -Not -Exist
                Join-Path $folder 'injixo-cloud-link.toml' | Should -Exist
            }
            finally {
                if (Test-Path (Join-Path $folder 'injixo-cloud-link.exe')) { Remove-WindowsTestProduct $folder }
                Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
            }
        }
    }
}
