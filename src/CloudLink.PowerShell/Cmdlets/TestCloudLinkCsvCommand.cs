using System.Management.Automation;
using CloudLink.Core.CsvCheck;
using CloudLink.PowerShell.Support;
using CloudLink.Protocol;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Tests CSV files the way the cloud will read them, before an export is pointed at the import folder.</para>
/// <para type="description">Reads each file as the cloud does and returns what it would refuse: required columns missing from the header, rows with the wrong number of fields, values that are not numbers or timestamps, unknown channels and bytes that are not in the encoding, each with its line, column, value and fix. The agent runs the same check on every file it uploads, with the integration's CSV settings. Files are only read, never changed.</para>
/// </summary>
/// <example>
///   <code>Test-CloudLinkCsv -Path ./acd-export.csv -DataType interval -Delimiter ';'</code>
///   <para>Whether the cloud would take the export, and what to fix if not.</para>
/// </example>
/// <example>
///   <code>Get-ChildItem D:\export\*.csv | Test-CloudLinkCsv -Encoding windows-1252 | Where-Object Refused | Select-Object -ExpandProperty Problems</code>
///   <para>Every problem in the files of a folder that the cloud would refuse.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "CloudLinkCsv")]
[OutputType(typeof(CsvFileCheck))]
public sealed class TestCloudLinkCsvCommand : CloudLinkCmdlet
{
    /// <summary><para type="description">The CSV files to test.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string[] Path { get; set; } = [];

    /// <summary><para type="description">What the files hold: interval, contact or agentstatus. The required columns are those of the data type.</para></summary>
    [Parameter]
    [ValidateSet("interval", "contact", "agentstatus")]
    public string DataType { get; set; } = "interval";

    /// <summary><para type="description">The field delimiter: ';', ',', 'tab' or 'detect' (from the first lines).</para></summary>
    [Parameter]
    [ValidateSet(";", ",", "tab", "detect")]
    public string Delimiter { get; set; } = "detect";

    /// <summary><para type="description">The encoding of files without a UTF-8 byte order mark: utf-8, iso-8859-1, iso-8859-9 or windows-1252.</para></summary>
    [Parameter]
    [ValidateSet("utf-8", "iso-8859-1", "iso-8859-9", "windows-1252")]
    public string Encoding { get; set; } = "utf-8";

    /// <summary><para type="description">The timestamps' format: iso (2026-12-01 08:15, 2026-12-01T08:15:00+01:00) or a .NET format such as 'dd.MM.yyyy HH:mm'.</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string TimestampFormat { get; set; } = "iso";

    protected override void ProcessRecord()
    {
        var settings = new CsvSettingsInfo { DataType = DataType, Delimiter = Delimiter, Encoding = Encoding, TimestampFormat = TimestampFormat };
        var problem = CsvSettingsCheck.Problem(settings);
        if (problem is not null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem.Replace("timestampFormat", "-TimestampFormat")), "CloudLink.InvalidCsvSettings", ErrorCategory.InvalidArgument, TimestampFormat));
        }

        foreach (var given in Path)
        {
            var path = GetUnresolvedProviderPathFromPSPath(given);
            WriteProgress(new ProgressRecord(1, "Test-CloudLinkCsv", path));
            try
            {
                WriteObject(new CsvFileCheck(path, CsvFileChecker.Check(path, settings)));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                WriteError(new ErrorRecord(new FileNotFoundException($"{path} does not exist; give the path of a CSV file.", e), "CloudLink.CsvFileNotFound", ErrorCategory.ObjectNotFound, given));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(new IOException($"{path} cannot be read ({e.Message}); check that you may read it.", e), "CloudLink.CsvFileUnreadable", ErrorCategory.ReadError, given));
            }
        }
    }
}
