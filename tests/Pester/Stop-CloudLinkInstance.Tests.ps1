# Pester 5 tests of Stop-CloudLinkInstance: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Stop-CloudLinkInstance' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Stop-CloudLinkInstance' | Should -Be 'PassThru ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Stop-CloudLinkInstance' | Should -Be 'Medium'
        }

        It 'names a folder without an instance' {
            { Stop-CloudLinkInstance -ConfigPath (Join-Path $TestDrive 'none') -ErrorAction Stop } | Should -Throw
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'reports an instance without a service as CloudLink.ServiceFailed, naming its folder' -Tag 'Linux' -Skip:(-not $script:HasPackage) {
            $folder = New-TestInstance
            { Stop-CloudLinkInstance -ConfigPath $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ServiceFailed*' -ExpectedMessage "*'service stop' for the instance in $folder*"
        }
    }

    Context 'Integration under systemd' -Tag 'Integration', 'Linux' {
        BeforeAll {
            . $PSScriptRoot/Fleet.ps1
            $script:HostSkip = Get-CloudLinkFleetSkipReason
            $script:TestHost = Start-CloudLinkTestHost 'clt'
        }

        AfterAll {
            Stop-CloudLinkTestFleet $script:TestHost
        }

        It 'stops a running service and returns it Stopped' {
            if ($script:HostSkip) { Set-ItResult -Skipped -Because $script:HostSkip; return }
            $fleet = $script:TestHost
            $result = Invoke-Command -Session $fleet.Sessions[0] -ScriptBlock {
                Install-CloudLinkInstance -Path $using:fleet.Archive -Folder /opt/cl/a -CloudUrl "$($using:fleet.Cloud)" -Start -WarningAction SilentlyContinue
                $after = Get-CloudLinkInstance | Stop-CloudLinkInstance -PassThru
                [pscustomobject]@{ After = $after.State; Active = systemctl is-active $after.Service }
            }

            $result.After | Should -Be 'Stopped'
            $result.Active | Should -Be 'inactive'
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'stops a running Windows service and returns it Stopped' -Skip:(-not $script:WinAgent) {
            $folder = New-WindowsTestInstance 'com.injixo.cloud-link.instance.5'
            try {
                Invoke-WindowsTestAgent $folder 'service', 'install'
                Invoke-WindowsTestAgent $folder 'service', 'start'

                $instance = Stop-CloudLinkInstance -ConfigPath $folder -PassThru

                $instance.Service | Should -Be 'injixo Cloud Link (Instance 5)'
                $instance.State | Should -Be 'Stopped'
                (Get-CloudLinkInstance -Name 'com.injixo.cloud-link.instance.5').State | Should -Be 'Stopped'
            }
            finally {
                Invoke-WindowsTestAgent $folder 'service', 'uninstall'
            }
        }
    }
}
