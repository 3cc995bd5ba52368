using System.Management.Automation;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.State;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Shows the database query a CloudLink instance received from its integration.</para>
/// <para type="description">Shows the SQL the integration in the cloud asks the instance to run, its SHA-256 (the hash the cloud records of each change), when it arrived, and whether it runs: with database.queryApproval = "local" a query runs only after it was approved on the server (Approve-CloudLinkQuery). Reads the instance's state; changes nothing.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance | Get-CloudLinkQuery | Format-List</code>
///   <para>The query of every instance, with its hash and state.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CloudLinkQuery")]
[OutputType(typeof(QueryInfo))]
public sealed class GetCloudLinkQueryCommand : InstanceParameterCmdlet
{
    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        var store = new QueryStore(instance.Paths);
        var current = store.Current();
        if (current is null)
        {
            WriteWarning($"{instance.AppName} has not received a database query yet.");
            return;
        }

        var config = ConfigLoader.Load(instance.Paths);
        WriteObject(new QueryInfo(instance.AppName, current.Sha256, current.Query, current.SeenAt, store.IsApproved(current.Sha256),
            config.Database.QueryApproval, instance.Paths.ConfigFile));
    });
}

/// <summary>
/// <para type="synopsis">Approves the database query a CloudLink instance waits to run.</para>
/// <para type="description">With database.queryApproval = "local" an instance runs a query from the cloud only once an operator approved that exact text on the server. Give the SHA-256 you reviewed (Get-CloudLinkQuery shows the SQL and its hash); a query that changed since is not approved. The running agent records the approval and runs the query from its next pass; a later change of the query waits for approval again.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkQuery -ConfigPath /opt/cl/east | Approve-CloudLinkQuery</code>
///   <para>Shows the query, asks for confirmation, and approves it.</para>
/// </example>
/// <example>
///   <code>Approve-CloudLinkQuery -ConfigPath /opt/cl/east -Sha256 3f2a...e9 -Confirm:$false</code>
///   <para>Approves the query with that hash in a runbook, once it was reviewed.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Approve, "CloudLinkQuery", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(QueryApprovalResult))]
public sealed class ApproveCloudLinkQueryCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">The SHA-256 of the query text approved, as Get-CloudLinkQuery shows it.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^[0-9a-fA-F]{64}$")]
    public string Sha256 { get; set; } = "";

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        var current = new QueryStore(instance.Paths).Current();
        var target = current is null ? Sha256 : $"{Sha256}:{Environment.NewLine}{current.Query}";
        if (ShouldProcess(instance.AppName, $"Approve the query with SHA-256 {target}"))
        {
            var result = Agent.Require(instance.Executable, instance.Paths, "query", "approve", "--sha256", Sha256, "--yes");
            WriteObject(new QueryApprovalResult(instance.AppName, Sha256.ToLowerInvariant(), result.Output.Trim().Split('\n').Last().Trim()));
        }
    });
}
