using System.Globalization;
using System.Management.Automation;
using CloudLink.Core.Instance;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Makes a running CloudLink instance import now.</para>
/// <para type="description">Tells the instance's running agent to look for new CSV files and due database windows now instead of at its next scan. With -From and -To, the database windows of that period (in the database's time zone) are read again and sent as new versions; the cloud keeps the latest version of each window, so nothing is counted twice.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance | Start-CloudLinkImport</code>
///   <para>Every instance imports now.</para>
/// </example>
/// <example>
///   <code>Start-CloudLinkImport -ConfigPath /opt/cl/east -From '2026-11-20 00:00' -To '2026-11-21 00:00'</code>
///   <para>Reads one day of database data again, e.g. after the telephony system corrected it.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "CloudLinkImport", SupportsShouldProcess = true)]
[OutputType(typeof(ImportRequest))]
public sealed class StartCloudLinkImportCommand : InstanceParameterCmdlet
{
    private int _done;

    /// <summary><para type="description">Start of the period to read again (database local time); with -To.</para></summary>
    [Parameter]
    public DateTime? From { get; set; }

    /// <summary><para type="description">End of the period to read again (database local time, exclusive); with -From.</para></summary>
    [Parameter]
    public DateTime? To { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        if ((From is null) != (To is null) || From >= To)
        {
            throw new ArgumentException("Give both -From and -To, with -From before -To.");
        }

        var instance = ResolveInstance(ConfigPath);
        var what = From is null ? "Import now" : $"Read database windows from {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm} again";
        if (!ShouldProcess(instance.AppName, what))
        {
            return;
        }

        WriteProgress(new ProgressRecord(1, "Start-CloudLinkImport", $"{instance.AppName}: {what}") { PercentComplete = -1 });
        var arguments = new List<string> { "import" };
        if (From is { } from && To is { } to)
        {
            arguments.AddRange(["--from", from.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), "--to", to.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)]);
        }

        var result = Agent.Require(instance.Executable, instance.Paths, [.. arguments]);
        _done++;
        WriteObject(new ImportRequest(instance.AppName, From, To, result.Output.Trim()));
    });

    protected override void EndProcessing() =>
        WriteProgress(new ProgressRecord(1, "Start-CloudLinkImport", $"{_done} instance(s) asked") { RecordType = ProgressRecordType.Completed });
}
