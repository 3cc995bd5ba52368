using CloudLink.Core.Agent;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.Logging;

namespace CloudLink.Core.Pairing;

/// <summary>
/// The PIN of an instance for tools outside the agent process (the module, the installer): the
/// valid PIN in its state, or a fresh one from the cloud; a linked instance returns its integration.
/// </summary>
public static class PinLookup
{
    public static PinInfo Get(InstancePaths paths, bool fresh)
    {
        var config = ConfigLoader.Load(paths);
        using var log = AgentLog.Configure(paths, config.LogLevel).CreateLogger();
        using var host = new AgentHost(paths, config, log, showBanner: _ => { });
        var pin = host.Pairing.CurrentPinAsync(fresh, CancellationToken.None).GetAwaiter().GetResult();
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

        return info;
    }
}
