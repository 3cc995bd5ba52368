# Pester 5 tests of Test-CloudLinkCsv: it only reads files, so every test runs the real check on real files.
BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    Import-CloudLinkTestModule
    $folder = Join-Path $TestDrive 'export'
    New-Item -ItemType Directory -Path $folder | Out-Null
    $header = 'queueidentifier;queuename;timestamp;offered;answered;handlingtime;channel'
    Set-Content -Path (Join-Path $folder 'good.csv') -Value "$header`nq1;Sales;2026-12-01 08:15;12;10;300;calls`n" -NoNewline
    $latin1 = [System.Text.Encoding]::ASCII.GetBytes("$header`nq1;B") + [byte]0xE9 + [System.Text.Encoding]::ASCII.GetBytes(";2026-12-01 08:15;1;1;1;calls`n")
    [System.IO.File]::WriteAllBytes((Join-Path $folder 'latin1.csv'), [byte[]]$latin1)
    Set-Content -Path (Join-Path $folder 'bad.csv') -Value "$header`nq1;Sales;01.12.2026 08:15;12;ten;300;fax`n" -NoNewline
}

Describe 'Test-CloudLinkCsv' {
    Context 'Unit' -Tag 'Unit' {
        It 'has exactly its documented parameters (mandatory M, from the pipeline by property name P, position #)' {
            Get-CloudLinkParameterSignature 'Test-CloudLinkCsv' | Should -Be 'Path[M,P,#0] DataType Delimiter Encoding TimestampFormat'
        }

        It 'changes nothing, so it has no -WhatIf' {
            (Get-Command 'Test-CloudLinkCsv').Parameters.Keys | Should -Not -Contain 'WhatIf'
        }

        It 'passes a file the cloud would take, with its rows and the delimiter it found' {
            $check = Test-CloudLinkCsv -Path (Join-Path $folder 'good.csv')
            $check.Refused | Should -BeFalse
            $check.Rows | Should -Be 1
            $check.Delimiter | Should -Be ';'
        }

        It 'names the line, column, value and fix of each problem' {
            $check = Test-CloudLinkCsv -Path (Join-Path $folder 'bad.csv')
            $check.Refused | Should -BeTrue
            $check.ProblemCount | Should -Be 3
            $check.Problems[0].Line | Should -Be 2
            $check.Problems.ColumnName | Should -Be @('timestamp', 'answered', 'channel')
            $check.Problems[1].Value | Should -Be 'ten'
            $check.Problems[1].Message | Should -Match 'not a number'
        }

        It 'reads the timestamp format and the encoding it is given' {
            (Test-CloudLinkCsv -Path (Join-Path $folder 'bad.csv') -TimestampFormat 'dd.MM.yyyy HH:mm').ProblemCount | Should -Be 2
            (Test-CloudLinkCsv -Path (Join-Path $folder 'latin1.csv')).Problems[0].Message | Should -Match 'not UTF-8'
            (Test-CloudLinkCsv -Path (Join-Path $folder 'latin1.csv') -Encoding windows-1252).Refused | Should -BeFalse
        }

        It 'takes files from Get-ChildItem and reports a missing one as an error' {
            $checks = Get-ChildItem -Path $folder -Filter *.csv | Test-CloudLinkCsv
            $checks.Count | Should -Be 3
            Test-CloudLinkCsv -Path (Join-Path $folder 'missing.csv') -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $problems[0].FullyQualifiedErrorId | Should -Match '^CloudLink.CsvFileNotFound'
        }

        It 'refuses a timestamp format that is not a date format' {
            { Test-CloudLinkCsv -Path (Join-Path $folder 'good.csv') -TimestampFormat 'HH' } | Should -Throw '*-TimestampFormat*'
        }
    }
}
