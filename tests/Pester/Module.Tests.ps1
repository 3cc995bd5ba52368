# Pester 5 tests of the CloudLink module as a whole: what it exports, the help of every cmdlet, and a
# format view for every output type.
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    Import-Module $env:CLOUDLINK_TEST_MODULE -Force
    $script:Cmdlets = Get-Command -Module CloudLink | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } }
    $script:OutputTypes = Get-Command -Module CloudLink | ForEach-Object { $_.OutputType.Type } |
        Where-Object { $_ -and $_.Namespace -like 'CloudLink*' } | Sort-Object FullName -Unique | ForEach-Object { @{ Type = $_ } }
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
}

Describe 'The CloudLink module' -Tag 'Unit' {
    It 'exports exactly the documented cmdlets, one Pester file for each' {
        $commands = Get-Command -Module CloudLink
        $commands.Count | Should -Be 21
        foreach ($command in $commands) {
            Join-Path $PSScriptRoot "$($command.Name).Tests.ps1" | Should -Exist
        }
    }

    It '<Name> has a synopsis, a description, an example and every parameter described' -ForEach $script:Cmdlets {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name "  # not the syntax line PowerShell makes up without help
        ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $described = @($help.Parameters.Parameter) | Where-Object Name -EQ $parameter
            ($described.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name is described"
        }
    }

    It '<Type> is shown through its own format view, with the fields it names' -ForEach $script:OutputTypes {
        $format = Get-FormatData -TypeName $Type.FullName -PowerShellVersion $PSVersionTable.PSVersion
        $format | Should -Not -BeNullOrEmpty -Because "CloudLink.Format.ps1xml has a view for $($Type.FullName)"
        $control = @($format.FormatViewDefinition)[0].Control
        $labels = if ($control -is [System.Management.Automation.TableControl]) {
            for ($i = 0; $i -lt $control.Headers.Count; $i++) {
                if ($control.Headers[$i].Label) { $control.Headers[$i].Label } else { $control.Rows[0].Columns[$i].DisplayEntry.Value }
            }
        } elseif ($control -is [System.Management.Automation.ListControl]) {
            foreach ($item in $control.Entries[0].Items) { if ($item.Label) { $item.Label } else { $item.DisplayEntry.Value } }
        }
        @($labels).Count | Should -BeGreaterThan 1 -Because "the view of $($Type.Name) is a table or a list of named fields"
        if ($Type.GetConstructor([type[]]@())) {
            # Its default view, as the console shows it: never the bare type name.
            $text = [Activator]::CreateInstance($Type) | Out-String
            $text | Should -Not -Match ([regex]::Escape($Type.FullName))
            foreach ($label in $labels) { $text | Should -Match ([regex]::Escape($label)) }
        }
    }
}
