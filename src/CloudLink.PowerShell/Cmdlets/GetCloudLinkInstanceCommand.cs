using System.Management.Automation;
using CloudLink.Core.Instance;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Gets the CloudLink instances installed on this host.</para>
/// <para type="description">Lists every instance with a service (systemd unit or Windows service): its name, number, folder, service, state, link state, version and log. With -ConfigPath, describes that one instance even if it has no service.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkInstance</code>
///   <para>All instances of the host as a table.</para>
/// </example>
/// <example>
///   <code>Get-CloudLinkInstance -Name com.injixo.cloud-link.instance.2 | Restart-CloudLinkInstance</code>
///   <para>Restarts one instance chosen by its name.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CloudLinkInstance")]
[OutputType(typeof(InstanceInfo))]
public sealed class GetCloudLinkInstanceCommand : CloudLinkCmdlet
{
    /// <summary><para type="description">Only instances whose [app] name matches; wildcards allowed.</para></summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary><para type="description">Describe the instance of this injixo-cloud-link.toml (or folder) instead of searching the host.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Path", "FullName")]
    public string? ConfigPath { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instances = ConfigPath is null ? Catalog.Find() : [ResolveInstance(ConfigPath)];
        var patterns = (Name ?? ["*"]).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        var inspector = new InstanceInspector(Agent);
        foreach (var instance in instances.Where(i => patterns.Any(p => p.IsMatch(i.AppName))))
        {
            WriteObject(inspector.Describe(instance));
        }
    });
}
