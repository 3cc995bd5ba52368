# Pester 5 tests of Register-CloudLinkLogPurge: 'Unit' needs only the module; 'Integration' runs it for real (see Common.ps1).
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'Register-CloudLinkLogPurge' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Register-CloudLinkLogPurge' | Should -Be 'OlderThan Keep ConfigPath[P,#0]'
        }

        It 'supports -WhatIf and -Confirm, with the confirm impact of what it changes' {
            Get-CloudLinkConfirmImpact 'Register-CloudLinkLogPurge' | Should -Be 'Medium'
        }
    }

    Context 'Integration' -Tag 'Integration' {
        It 'writes a daily timer running the instance agent' -Tag 'Linux' {
            $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root3'
            try {
                $schedule = Register-CloudLinkLogPurge -ConfigPath (New-TestInstance) -OlderThan 30
                $schedule.Registered | Should -BeTrue
                Get-Content $schedule.Location -Raw | Should -Match 'OnCalendar=\*-\*-\* 03:15:00'
            }
            finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
        }
    }

    Context 'Integration on Windows' -Tag 'Integration', 'Windows' {
        It 'schedules a daily task running the instance''s agent as SYSTEM' {
            if ($script:UnderWine) {
                Set-ItResult -Skipped -Because 'Wine''s schtasks.exe does not support /SC (a schedule); the command line is covered by LogPurgeTests in xunit'
                return
            }
            $folder = New-WindowsTestInstance 'com.injixo.cloud-link.instance.7'
            try {
                $schedule = Register-CloudLinkLogPurge -ConfigPath $folder -OlderThan 30
                $schedule.Location | Should -Be 'injixo Cloud Link\Log purge (injixo Cloud Link (Instance 7))'
                schtasks.exe /Query /TN $schedule.Location | Should -Not -BeNullOrEmpty
            }
            finally { Unregister-CloudLinkLogPurge -ConfigPath $folder -Confirm:$false }
        }
    }
}
