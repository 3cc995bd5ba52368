using System.Management.Automation;
using CloudLink.Core.Config;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Gets the settings of a CloudLink instance.</para>
/// <para type="description">Returns each documented key of the instance's injixo-cloud-link.toml with its value, whether the value is the default, and what the key does.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkConfig -ConfigPath /opt/cl/east</code>
///   <para>All settings of one instance.</para>
/// </example>
/// <example>
///   <code>Get-CloudLinkInstance | Get-CloudLinkConfig -Key cloud.url</code>
///   <para>The cloud address of every instance.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CloudLinkConfig")]
[OutputType(typeof(ConfigEntry))]
public sealed class GetCloudLinkConfigCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">Only these keys (e.g. app.verbose, cloud.url); wildcards allowed.</para></summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    public string[]? Key { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        var patterns = (Key ?? ["*"]).Select(k => new WildcardPattern(k, WildcardOptions.IgnoreCase)).ToList();
        foreach (var key in ConfigSchema.Keys.Where(k => patterns.Any(p => p.IsMatch(k.Path))))
        {
            var (value, isDefault) = ConfigFile.Get(instance.Paths, key.Path);
            WriteObject(new ConfigEntry(instance.AppName, key.Path, value, isDefault, key.Help, instance.Paths.ConfigFile));
        }
    });
}
