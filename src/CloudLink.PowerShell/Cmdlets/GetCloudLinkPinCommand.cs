using System.Management.Automation;
using CloudLink.Core.Agent;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.Core.Pairing;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Gets the PIN that links a CloudLink instance to an integration.</para>
/// <para type="description">Returns the instance's current PIN and its expiry, requesting a fresh PIN from the cloud when none is valid (or with -New). A linked instance returns its integration instead.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkPin -ConfigPath /opt/injixo-cloud-link/injixo-cloud-link.toml</code>
/// </example>
[Cmdlet(VerbsCommon.Get, "CloudLinkPin")]
[OutputType(typeof(PinInfo))]
public sealed class GetCloudLinkPinCommand : PSCmdlet
{
    /// <summary><para type="description">The instance's injixo-cloud-link.toml.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Path", "ConfigFile")]
    public string ConfigPath { get; set; } = "";

    /// <summary><para type="description">Request a fresh PIN even if the current one is still valid.</para></summary>
    [Parameter]
    public SwitchParameter New { get; set; }

    protected override void ProcessRecord()
    {
        var paths = new InstancePaths(GetUnresolvedProviderPathFromPSPath(ConfigPath));
        AgentConfig config;
        try
        {
            config = ConfigLoader.Load(paths);
        }
        catch (ConfigException e)
        {
            WriteError(new ErrorRecord(e, "CloudLink.ConfigInvalid", ErrorCategory.InvalidData, ConfigPath));
            return;
        }

        using var log = AgentLog.Configure(paths, config.LogLevel).CreateLogger();
        using var host = new AgentHost(paths, config, log, showBanner: _ => { });
        var pin = host.Pairing.CurrentPinAsync(New.IsPresent, CancellationToken.None).GetAwaiter().GetResult();
        var info = new PinInfo { Instance = config.Name, Folder = paths.Folder, Linked = pin is null };
        if (pin is null)
        {
            var credentials = host.Credentials.Load();
            info.IntegrationId = credentials?.IntegrationId;
            info.IntegrationName = credentials?.IntegrationName;
        }
        else
        {
            info.Pin = pin.Pin;
            info.ExpiresAt = pin.ExpiresAt;
            info.Banner = PinBanner.Format(pin.Pin, config.CloudUrl, pin.ExpiresAt - host.Time.GetUtcNow(), host.Language);
        }

        WriteObject(info);
    }
}
