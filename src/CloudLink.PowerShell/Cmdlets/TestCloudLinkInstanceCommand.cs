using System.Management.Automation;
using CloudLink.Core;
using CloudLink.Core.Checks;
using CloudLink.Core.Instance;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Checks everything a CloudLink instance needs, with the fix for each problem.</para>
/// <para type="description">Runs the instance's own 'injixo-cloud-link check': the config; owners and modes of its files; that the service's user can read the import folder; the proxy; DNS, TCP, TLS and HTTP to the cloud; the link; the database connection; the approval state of the integration's query and a dry run of it over the last 24 hours with its row count; and the service. One object per check, with Status Ok, Warning, Failed or Skipped, and Fix. Changes nothing.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance | Test-CloudLinkInstance | Where-Object Status -eq Failed</code>
///   <para>Lists what is wrong on every instance of the host, with the fix.</para>
/// </example>
/// <example>
///   <code>Test-CloudLinkInstance -ConfigPath /opt/cl/east -Quiet | Should -BeTrue</code>
///   <para>A Pester assertion that nothing failed.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "CloudLinkInstance")]
[OutputType(typeof(CheckResult))]
[OutputType(typeof(bool))]
public sealed class TestCloudLinkInstanceCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">Returns only $true when no check failed (warnings allowed), else $false.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        var run = Agent.Run(instance, "check", "--json");
        if (run.ExitCode is not (ExitCodes.Ok or ExitCodes.CheckFailed))
        {
            throw new AgentCommandException(run.ExitCode,
                $"'check' for the instance in {instance.Paths.Folder} failed (exit {run.ExitCode}): {(run.Error.Trim().Length > 0 ? run.Error : run.Output).Trim()}");
        }

        var results = CheckResult.FromJson(run.Output);
        if (Quiet)
        {
            WriteObject(results.TrueForAll(result => result.Status != CheckStatus.Failed));
            return;
        }

        foreach (var result in results)
        {
            WriteObject(result);
        }
    });
}
