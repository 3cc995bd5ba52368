# Pester 5 tests of Restart-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Restart-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Restart-CloudLinkInstance' | Should -Be 'PassThru ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Restart-CloudLinkInstance' | Should -Be 'Medium'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'reports an instance without a service as CloudLink.ServiceFailed, naming its folder' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            { Restart-CloudLinkInstance -ConfigPath $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ServiceFailed*' -ExpectedMessage "*'service restart' for the instance in $folder*"
        }
    }

    Context 'Integration under systemd' -Tag 'Integration', 'Linux' {
        BeforeAll {
            . $PSScriptRoot/Fleet.ps1
            $script:HostSkip = Get-CloudLinkFleetSkipReason
            $script:TestHost = Start-CloudLinkTestHost 'clr'
        }

        AfterAll {
            Stop-CloudLinkTestFleet $script:TestHost
        }

        It 'restarts a running service: a new process, still Running' {
            if ($script:HostSkip) { Set-ItResult -Skipped -Because $script:HostSkip; return }
            $fleet = $script:TestHost
            $result = Invoke-Command -Session $fleet.Sessions[0] -ScriptBlock {
                Install-CloudLinkInstance -Path $using:fleet.Archive -Folder /opt/cl/a -CloudUrl "$($using:fleet.Cloud)" -Start -WarningAction SilentlyContinue
                $service = (Get-CloudLinkInstance).Service
                $before = systemctl show -p MainPID --value $service
                $after = Get-CloudLinkInstance | Restart-CloudLinkInstance -PassThru
                [pscustomobject]@{ Before = $before; After = systemctl show -p MainPID --value $service; State = $after.State }
            }

            $result.State | Should -Be 'Running'
            $result.After | Should -Not -Be '0'
            $result.After | Should -Not -Be $result.Before
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'restarts a running Windows service and returns it Running' -Skip:(-not $script:WinAgent) {
            $folder = New-WindowsTestInstance 'com.injixo.cloud-link.instance.6'
            try {
                Invoke-WindowsTestAgent $folder 'service', 'install'
                Invoke-WindowsTestAgent $folder 'service', 'start'

                $instance = Restart-CloudLinkInstance -ConfigPath $folder -PassThru

                $instance.Service | Should -Be 'injixo Cloud Link (Instance 6)'
                $instance.State | Should -Be 'Running'
                (Get-CloudLinkInstance -Name 'com.injixo.cloud-link.instance.6').State | Should -Be 'Running'
            }
            finally {
                Invoke-WindowsTestAgent $folder 'service', 'uninstall'
            }
        }
    }
}
