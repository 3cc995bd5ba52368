using System.Management.Automation;
using CloudLink.Core.Pairing;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Gets the PIN that links a CloudLink instance to an integration.</para>
/// <para type="description">Returns the instance's current PIN and its expiry, requesting a fresh PIN from the cloud when none is valid (or with -New). Enter the PIN on the integration's page in the cloud. A linked instance returns its integration instead.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkPin -ConfigPath /opt/injixo-cloud-link</code>
///   <para>Shows the PIN of the instance in /opt/injixo-cloud-link.</para>
/// </example>
/// <example>
///   <code>Get-CloudLinkInstance | Where-Object { -not $_.Linked } | Get-CloudLinkPin -New</code>
///   <para>Fresh PINs for every instance that is not linked yet.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CloudLinkPin")]
[OutputType(typeof(PinInfo))]
public sealed class GetCloudLinkPinCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">Request a fresh PIN even if the current one is still valid.</para></summary>
    [Parameter]
    public SwitchParameter New { get; set; }

    protected override void ProcessRecord() =>
        Guard(ConfigPath, () => WriteObject(PinLookup.Get(Agent, ResolveInstance(ConfigPath), New.IsPresent)));
}
