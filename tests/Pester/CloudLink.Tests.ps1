# Runbook flows of the CloudLink module, Pester 5. 'Unit' tests need only the module; 'Integration'
# tests change files under a temporary folder and host root (CLOUDLINK_HOST_ROOT) and run the real
# agent from the release archive given in CLOUDLINK_PACKAGE (skipped without it).

BeforeAll {
    Import-Module $env:CLOUDLINK_TEST_MODULE -Force
    $script:OnWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows

    function New-TestInstance {
        # An unpacked release with a config, as Install-CloudLinkInstance leaves it (without a service).
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        if ($env:CLOUDLINK_PACKAGE) { tar -xzf $env:CLOUDLINK_PACKAGE -C $folder }
        Set-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "# kept`n[app]`nverbose = false # why`n" -NoNewline
        $folder
    }
}

Describe 'Module' -Tag 'Unit' {
    It 'exports exactly the documented cmdlets, each with help and an example' {
        $commands = Get-Command -Module CloudLink
        $commands.Count | Should -Be 20
        foreach ($command in $commands) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty
            @($help.Examples.Example).Count | Should -BeGreaterThan 0
        }
    }

    It 'supports -WhatIf on every cmdlet that changes something' {
        foreach ($name in 'Install', 'Uninstall', 'Start', 'Stop', 'Restart') { (Get-Command "$name-CloudLinkInstance").Parameters.Keys | Should -Contain 'WhatIf' }
        foreach ($name in 'Set-CloudLinkConfig', 'Start-CloudLinkImport', 'Set-CloudLinkProxy', 'Remove-CloudLinkProxy', 'Remove-CloudLinkLog', 'Register-CloudLinkLogPurge', 'Unregister-CloudLinkLogPurge') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
        }
    }
}

Describe 'Install-CloudLinkInstance' -Tag 'Unit' {
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

Describe 'Get-CloudLinkInstance' -Tag 'Integration' {
    It 'describes an instance given by its folder' -Skip:(-not $env:CLOUDLINK_PACKAGE) {
        $folder = New-TestInstance
        $instance = Get-CloudLinkInstance -ConfigPath $folder
        $instance.Name | Should -Be 'com.injixo.cloud-link'
        $instance.Folder | Should -Be $folder
        $instance.Linked | Should -BeFalse
        $instance.Version | Should -Not -BeNullOrEmpty
    }
}

Describe 'Uninstall-CloudLinkInstance' -Tag 'Unit' {
    It 'asks before removing (high impact) and does nothing with -WhatIf' {
        (Get-Command Uninstall-CloudLinkInstance).ImplementingType.GetCustomAttributes($true) |
            Where-Object { $_ -is [System.Management.Automation.CmdletAttribute] } |
            ForEach-Object { $_.ConfirmImpact | Should -Be 'High' }
    }
}

Describe 'Start-CloudLinkInstance' -Tag 'Unit' {
    It 'takes instances from the pipeline by ConfigPath' {
        (Get-Command Start-CloudLinkInstance).Parameters['ConfigPath'].Attributes.ValueFromPipelineByPropertyName | Should -Contain $true
    }
}

Describe 'Stop-CloudLinkInstance' -Tag 'Unit' {
    It 'names a folder without an instance' {
        { Stop-CloudLinkInstance -ConfigPath (Join-Path $TestDrive 'none') -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Restart-CloudLinkInstance' -Tag 'Unit' {
    It 'supports -PassThru' {
        (Get-Command Restart-CloudLinkInstance).Parameters.Keys | Should -Contain 'PassThru'
    }
}

Describe 'Get-CloudLinkPin' -Tag 'Unit' {
    It 'reports an invalid config as CloudLink.ConfigInvalid' {
        $folder = Join-Path $TestDrive 'badconfig'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "[app]`nverbose = maybe`n"
        { Get-CloudLinkPin -ConfigPath $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ConfigInvalid*'
    }
}

Describe 'Get-CloudLinkConfig' -Tag 'Integration' {
    It 'returns every documented key with its default flag' {
        $folder = New-TestInstance
        $entries = Get-CloudLinkConfig -ConfigPath $folder
        ($entries | Where-Object Key -eq 'app.verbose').IsDefault | Should -BeFalse
        ($entries | Where-Object Key -eq 'cloud.url').IsDefault | Should -BeTrue
    }
}

Describe 'Set-CloudLinkConfig' -Tag 'Integration' {
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

Describe 'Start-CloudLinkImport' -Tag 'Unit' {
    It 'needs both -From and -To' {
        { Start-CloudLinkImport -ConfigPath $TestDrive -From (Get-Date) -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.InvalidArgument*'
    }
}

Describe 'Set-CloudLinkProxy' -Tag 'Unit' {
    It 'refuses a URI without a scheme' {
        { Set-CloudLinkProxy -Uri 'proxy.corp:3128' -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'CloudLink.ProxyInvalid*'
    }
}

Describe 'Get-CloudLinkProxy' -Tag 'Integration' {
    It 'shows a proxy set with a credential, password masked' -Skip:$script:OnWindows {
        $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root'
        try {
            $credential = [pscredential]::new('svc', (ConvertTo-SecureString 'p@ss:word' -AsPlainText -Force))
            Set-CloudLinkProxy -Uri http://proxy.corp:3128 -Credential $credential -NoProxy localhost -WarningAction SilentlyContinue
            $proxy = Get-CloudLinkProxy
            $proxy.Uri | Should -Be 'http://svc:****@proxy.corp:3128'
            $proxy.NoProxy | Should -Be 'localhost'
        }
        finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
    }
}

Describe 'Remove-CloudLinkProxy' -Tag 'Integration' {
    It 'removes the proxy and returns what it was with -PassThru' -Skip:$script:OnWindows {
        $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root2'
        try {
            Set-CloudLinkProxy -Uri http://proxy.corp:3128 -WarningAction SilentlyContinue
            (Remove-CloudLinkProxy -PassThru).Uri | Should -Be 'http://proxy.corp:3128'
            Get-CloudLinkProxy | Should -BeNullOrEmpty
        }
        finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
    }
}

Describe 'Test-CloudLinkConnection' -Tag 'Unit' {
    It 'stops at DNS for an unknown host and says so' {
        $check = Test-CloudLinkConnection -Uri https://cloudlink-test.invalid/
        $check.Succeeded | Should -BeFalse
        $check.DnsResolved | Should -BeFalse
        $check.Message | Should -Match 'DNS'
    }
}

Describe 'Test-CloudLinkInstance' -Tag 'Integration' {
    It 'returns one result per check with its fix, and -Quiet says whether one failed' -Skip:(-not $env:CLOUDLINK_PACKAGE -or $script:OnWindows) {
        $folder = New-TestInstance
        Add-Content -Path (Join-Path $folder 'injixo-cloud-link.toml') -Value "[cloud]`nurl = `"http://127.0.0.1:9`"`n" -NoNewline
        $results = Test-CloudLinkInstance -ConfigPath $folder
        ($results | Where-Object Name -EQ 'config').Status | Should -Be 'Ok'
        $cloud = $results | Where-Object Name -EQ 'cloud'
        $cloud.Status | Should -Be 'Failed'
        $cloud.Fix | Should -Not -BeNullOrEmpty
        $results.Instance | Select-Object -Unique | Should -Be 'com.injixo.cloud-link'
        Test-CloudLinkInstance -ConfigPath $folder -Quiet | Should -BeFalse
    }
}

Describe 'Remove-CloudLinkLog' -Tag 'Integration' {
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

Describe 'Register-CloudLinkLogPurge' -Tag 'Integration' {
    It 'writes a daily timer running the instance agent' -Skip:$script:OnWindows {
        $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root3'
        try {
            $schedule = Register-CloudLinkLogPurge -ConfigPath (New-TestInstance) -OlderThan 30
            $schedule.Registered | Should -BeTrue
            Get-Content $schedule.Location -Raw | Should -Match 'OnCalendar=\*-\*-\* 03:15:00'
        }
        finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
    }
}

Describe 'Unregister-CloudLinkLogPurge' -Tag 'Integration' {
    It 'removes the timer' -Skip:$script:OnWindows {
        $env:CLOUDLINK_HOST_ROOT = Join-Path $TestDrive 'root4'
        try {
            $folder = New-TestInstance
            $schedule = Register-CloudLinkLogPurge -ConfigPath $folder -Keep 5
            (Unregister-CloudLinkLogPurge -ConfigPath $folder -PassThru).Registered | Should -BeFalse
            $schedule.Location | Should -Not -Exist
        }
        finally { Remove-Item Env:CLOUDLINK_HOST_ROOT }
    }
}
