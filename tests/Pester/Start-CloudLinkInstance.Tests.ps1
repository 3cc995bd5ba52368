# Pester 5 tests of Start-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Start-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Start-CloudLinkInstance' | Should -Be 'PassThru ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Start-CloudLinkInstance' | Should -Be 'Medium'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'reports an instance without a service as CloudLink.ServiceFailed, naming its folder' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            { Start-CloudLinkInstance -ConfigPath $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ServiceFailed*' -ExpectedMessage "*'service start' for the instance in $folder*"
        }
    }

    Context 'Integration under systemd' -Tag 'Integration', 'Linux' {
        BeforeAll {
            . $PSScriptRoot/Fleet.ps1
            $script:HostSkip = Get-CloudLinkFleetSkipReason
            $script:TestHost = Start-CloudLinkTestHost 'cls'
        }

        AfterAll {
            Stop-CloudLinkTestFleet $script:TestHost
        }

        It 'starts an installed, stopped service and returns it Running' {
            if ($script:HostSkip) { Set-ItResult -Skipped -Because $script:HostSkip; return }
            $fleet = $script:TestHost
            $result = Invoke-Command -Session $fleet.Sessions[0] -ScriptBlock {
                Install-CloudLinkInstance -Path $using:fleet.Archive -Folder /opt/cl/a -CloudUrl "$($using:fleet.Cloud)" -WarningAction SilentlyContinue
                $before = (Get-CloudLinkInstance).State
                $after = Get-CloudLinkInstance | Start-CloudLinkInstance -PassThru
                [pscustomobject]@{ Before = $before; After = $after.State; Active = systemctl is-active $after.Service }
            }

            $result.Before | Should -Be 'Stopped'
            $result.After | Should -Be 'Running'
            $result.Active | Should -Be 'active'
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'starts an installed, stopped Windows service and returns it Running' -Skip:(-not $script:WinAgent) {
            $folder = New-WindowsTestInstance 'com.injixo.cloud-link.instance.4'
            try {
                Invoke-WindowsTestAgent $folder 'service', 'install'

                $instance = Start-CloudLinkInstance -ConfigPath $folder -PassThru

                $instance.Service | Should -Be 'injixo Cloud Link (Instance 4)'
                $instance.State | Should -Be 'Running'
                (Get-CloudLinkInstance -Name 'com.injixo.cloud-link.instance.4').State | Should -Be 'Running'
            }
            finally {
                Invoke-WindowsTestAgent $folder 'service', 'uninstall'
            }
        }
    }
}
