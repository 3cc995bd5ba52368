# Pester 5 tests of the runbooks in docs/runbooks, end to end on a fleet of three Linux hosts (Fleet.ps1):
# installed and paired over PowerShell remoting over SSH, a proxy rolled out, logs purged by the timer,
# one instance decommissioned while the others keep importing. The steps build on each other, in order.
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    . $PSScriptRoot/Fleet.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    . $PSScriptRoot/Fleet.ps1
    $script:Runbooks = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../docs/runbooks'))
    $script:FleetSkip = Get-CloudLinkFleetSkipReason
    $suffix = [guid]::NewGuid().ToString('N').Substring(0, 4)
    $script:Names = 1..3 | ForEach-Object { "clf$_-$suffix" }
    $script:Fleet = $null
    if (-not $script:FleetSkip) {
        $script:Fleet = New-CloudLinkTestFleet (Join-Path $TestDrive 'fleet')
        Start-CloudLinkTestFleet $script:Fleet $script:Names
    }

    function Skip-WithoutFleet {
        if ($script:FleetSkip) { Set-ItResult -Skipped -Because $script:FleetSkip }
        [bool] $script:FleetSkip
    }

    function Get-FleetInstance([string] $Name) {
        # What Get-CloudLinkInstance says on every host, with the host's name.
        Invoke-Command -Session $script:Fleet.Sessions -ArgumentList $script:Fleet.Module -ScriptBlock {
            param($module)
            Import-Module $module
            Get-CloudLinkInstance | Select-Object Name, State, Linked, ConfigPath, Folder, LogPath, Service
        } | Where-Object { -not $Name -or $_.Name -eq $Name }
    }

    function Invoke-FleetInstall([switch] $WhatIf, $Session = $script:Fleet.Sessions) {
        & "$script:Runbooks/Install-CloudLinkFleet.ps1" -Session $Session -ArchivePath $script:Fleet.Archive -CloudUrl $script:Fleet.Cloud `
            -ApiToken $script:Fleet.Token -ModulePath $script:Fleet.Module -InstanceCount @{ $script:Names[1] = 2 } -WhatIf:$WhatIf
    }
}

AfterAll {
    Stop-CloudLinkTestFleet $script:Fleet
}

Describe 'Fleet runbooks' -Tag 'Runbook', 'Integration', 'Linux' {
    Context 'Install-CloudLinkFleet' {
        It 'prints a readable plan with -WhatIf and changes nothing' {
            if (Skip-WithoutFleet) { return }
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -Path $transcript | Out-Null
            try { $results = @(Invoke-FleetInstall -WhatIf) } finally { Stop-Transcript | Out-Null }

            $results | Should -BeNullOrEmpty
            $plan = Get-Content $transcript -Raw
            foreach ($name in $script:Names) {
                $plan | Should -Match ([regex]::Escape("on target `"$name`"")) -Because "the plan names every host"
            }
            $plan | Should -Match 'Install com\.injixo\.cloud-link\.instance\.1 into /opt/injixo-cloud-link/instance1, start it and pair it'
            ([regex]::Matches($plan, 'What if: Performing the operation "Install com\.injixo')).Count | Should -Be 4
            Get-FleetInstance | Should -BeNullOrEmpty
        }

        It 'installs, starts and pairs four instances on three hosts, every one running and linked' {
            if (Skip-WithoutFleet) { return }
            # An integration the admin made beforehand is used, not made again.
            $api = @{ Authentication = 'Bearer'; Token = $script:Fleet.Token; AllowUnencryptedAuthentication = $true; ContentType = 'application/json' }
            $prepared = Invoke-RestMethod @api -Method Post -Uri "$($script:Fleet.Cloud)api/v1/integrations" -Body (@{ name = "$($script:Names[2]) com.injixo.cloud-link"; type = 'csv' } | ConvertTo-Json)
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $results = @(Invoke-FleetInstall)
            $clock.Stop()
            Write-Host "FLEET install of 4 instances on 3 hosts: $([Math]::Round($clock.Elapsed.TotalSeconds, 1)) s"

            $results | ForEach-Object { "$($_.Host) $($_.Instance) $($_.Action): $($_.Message)" } | Write-Host
            $results.Count | Should -Be 4
            $results | Where-Object Action -NE 'Install' | Should -BeNullOrEmpty
            $instances = @(Get-FleetInstance)
            $instances.Count | Should -Be 4
            $instances | Where-Object { $_.State -ne 'Running' -or -not $_.Linked } | Should -BeNullOrEmpty
            @($instances | Where-Object PSComputerName -EQ $script:Names[1]).Name | Sort-Object | Should -Be @('com.injixo.cloud-link', 'com.injixo.cloud-link.instance.1')
            $integrations = Invoke-RestMethod @api -Uri "$($script:Fleet.Cloud)api/v1/integrations"
            @($integrations).Count | Should -Be 4
            (Invoke-RestMethod @api -Uri "$($script:Fleet.Cloud)api/v1/integrations/$($prepared.id)/agents").Count | Should -Be 1 -Because 'the prepared integration got the agent'
        }

        It 'changes nothing on a second run' {
            if (Skip-WithoutFleet) { return }
            $before = Invoke-RestMethod -Uri "$($script:Fleet.Cloud)api/v1/integrations" -Authentication Bearer -Token $script:Fleet.Token -AllowUnencryptedAuthentication

            $results = @(Invoke-FleetInstall)

            $results.Count | Should -Be 4
            $results | Where-Object Action -NE 'Unchanged' | Should -BeNullOrEmpty
            (Invoke-RestMethod -Uri "$($script:Fleet.Cloud)api/v1/integrations" -Authentication Bearer -Token $script:Fleet.Token -AllowUnencryptedAuthentication).Count |
                Should -Be $before.Count
        }

        It 'reports a host it cannot reach for that host, with the results of the others' {
            if (Skip-WithoutFleet) { return }
            $lost = New-CloudLinkTestSession $script:Fleet $script:Names[2]
            Remove-PSSession $lost

            $results = @(Invoke-FleetInstall -Session @($script:Fleet.Sessions[0], $lost, $script:Fleet.Sessions[1]))

            $failed = @($results | Where-Object Action -EQ 'Failed')
            $failed.Count | Should -Be 1
            $failed[0].Host | Should -Be $script:Names[2]
            $failed[0].Message | Should -Match 'New-PSSession'
            @($results | Where-Object Action -EQ 'Unchanged').Count | Should -Be 3
        }
    }

    Context 'Set-CloudLinkFleetProxy' {
        It 'sets the proxy on every host, restarts the services with it in their environment, and each reaches the cloud through it' {
            if (Skip-WithoutFleet) { return }
            $proxy = "http://127.0.0.1:$($script:Fleet.ProxyPort)"

            $results = @(& "$script:Runbooks/Set-CloudLinkFleetProxy.ps1" -Session $script:Fleet.Sessions -Uri $proxy -NoProxy 'localhost' -ModulePath $script:Fleet.Module)

            $results | ForEach-Object { "$($_.Host) $($_.Instance) $($_.Action): $($_.Message)" } | Write-Host
            $results.Count | Should -Be 4
            $results | Where-Object Action -NE 'ProxySet' | Should -BeNullOrEmpty
            $results.Message | Should -Match ([regex]::Escape("through $proxy"))
            $environments = Invoke-Command -Session $script:Fleet.Sessions -ScriptBlock {
                foreach ($unit in Get-ChildItem /etc/systemd/system -Filter 'com.injixo.cloud-link*.service' | Where-Object Name -NotMatch 'log-purge') {
                    $main = systemctl show -p MainPID --value $unit.Name
                    [pscustomobject]@{ Unit = $unit.Name; Environment = (Get-Content "/proc/$main/environ" -Raw) -split "`0" }
                }
            }
            @($environments).Count | Should -Be 4
            foreach ($service in $environments) {
                $service.Environment | Should -Contain "HTTPS_PROXY=$proxy" -Because "$($service.PSComputerName) $($service.Unit) runs with the proxy"
            }
            Wait-Until { (Get-Content $script:Fleet.ProxyLog -Raw) -match [regex]::Escape("GET http://127.0.0.1:$($script:Fleet.CloudPort)/") } 'the proxy to carry the agents'' requests' 60
        }
    }

    Context 'Register-CloudLinkFleetLogPurge' {
        It 'schedules the purge on every host; when its timer''s job runs, old rotated logs go and current ones stay' {
            if (Skip-WithoutFleet) { return }
            $results = @(& "$script:Runbooks/Register-CloudLinkFleetLogPurge.ps1" -Session $script:Fleet.Sessions -OlderThan 30 -ModulePath $script:Fleet.Module)

            $results.Count | Should -Be 4
            $results | Where-Object Action -NE 'Scheduled' | Should -BeNullOrEmpty
            $after = Invoke-Command -Session $script:Fleet.Sessions -ArgumentList $script:Fleet.Module -ScriptBlock {
                param($module)
                Import-Module $module
                foreach ($instance in Get-CloudLinkInstance) {
                    $folder = Split-Path -Parent $instance.LogPath
                    $old = Join-Path $folder 'injixo-cloud-link.2025-01-01.1.log'
                    $recent = Join-Path $folder "injixo-cloud-link.$([DateTime]::Today.ToString('yyyy-MM-dd')).1.log"
                    Set-Content $old 'old'; Set-Content $recent 'recent'
                    (Get-Item $old).LastWriteTime = [DateTime]::Now.AddDays(-400)
                    $timer = ($instance.Service -replace '\.service$', '') + '-log-purge'
                    $active = systemctl is-active "$timer.timer"
                    systemctl start "$timer.service"
                    [pscustomobject]@{ Name = $instance.Name; Timer = $active; Old = Test-Path $old; Recent = Test-Path $recent; Current = Test-Path $instance.LogPath }
                }
            }
            @($after).Count | Should -Be 4
            foreach ($instance in $after) {
                $because = "$($instance.PSComputerName) $($instance.Name)"
                $instance.Timer | Should -Be 'active' -Because $because
                $instance.Old | Should -BeFalse -Because "$because purges a log older than 30 days"
                $instance.Recent | Should -BeTrue -Because "$because keeps a recent rotated log"
                $instance.Current | Should -BeTrue -Because "$because keeps its current log"
            }
        }
    }

    Context 'Uninstall-CloudLinkFleetInstance' {
        It 'decommissions one instance; the others keep running and importing' {
            if (Skip-WithoutFleet) { return }
            $gone = 'com.injixo.cloud-link.instance.1'
            $second = $script:Fleet.Sessions[1]
            & "$script:Runbooks/Uninstall-CloudLinkFleetInstance.ps1" -Session $script:Fleet.Sessions -Name $gone -RemoveFiles -ModulePath $script:Fleet.Module -WhatIf | Should -BeNullOrEmpty
            @(Get-FleetInstance $gone).Count | Should -Be 1 -Because '-WhatIf changes nothing'

            $results = @(& "$script:Runbooks/Uninstall-CloudLinkFleetInstance.ps1" -Session $script:Fleet.Sessions -Name $gone -RemoveFiles -Confirm:$false -ModulePath $script:Fleet.Module)

            $results.Count | Should -Be 1
            $results[0].Host | Should -Be $script:Names[1]
            $results[0].Action | Should -Be 'Uninstalled'
            $left = @(Get-FleetInstance)
            $left.Count | Should -Be 3
            $left | Where-Object { $_.State -ne 'Running' -or -not $_.Linked } | Should -BeNullOrEmpty
            Invoke-Command -Session $second { Test-Path /opt/injixo-cloud-link/instance1 } | Should -BeFalse

            $api = @{ Authentication = 'Bearer'; Token = $script:Fleet.Token; AllowUnencryptedAuthentication = $true }
            $integrations = Invoke-RestMethod @api -Uri "$($script:Fleet.Cloud)api/v1/integrations"
            $integration = @($integrations | Where-Object name -EQ "$($script:Names[1]) com.injixo.cloud-link")
            Invoke-Command -Session $second {
                Set-Content -Path /opt/injixo-cloud-link/default/contacts-after-decommission.csv -NoNewline -Value "queueidentifier;queuename;timestamp;offered`r`n1;Sales;2026-12-01T08:00:00;12`r`n"
            }
            $integration.Count | Should -Be 1 -Because "the fleet install made one integration per instance ($($integrations.name -join ', '))"
            $received = "$($script:Fleet.Cloud)api/v1/received?integrationId=$($integration.id)"
            Wait-Until { (Invoke-RestMethod @api -Uri $received).fileName -contains 'contacts-after-decommission.csv' }.GetNewClosure() 'the remaining instance to import a new file' 120
        }
    }
}
