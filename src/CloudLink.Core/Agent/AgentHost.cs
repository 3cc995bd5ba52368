using CloudLink.Core.Cloud;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.Localization;
using CloudLink.Core.Pairing;
using CloudLink.Core.State;
using CloudLink.Protocol;
using Serilog;

namespace CloudLink.Core.Agent;

/// <summary>One instance's parts, wired together: what 'run', 'pin' and the cmdlets work with.</summary>
public sealed class AgentHost : IDisposable
{
    public AgentHost(InstancePaths paths, AgentConfig config, ILogger log, Action<string> showBanner, TimeProvider? time = null)
    {
        Paths = paths;
        Config = config;
        Log = log;
        Time = time ?? TimeProvider.System;
        Cloud = new CloudClient(config.CloudUrl, config.CaFile, CloudProxy.FromEnvironment());
        Credentials = new CredentialStore(paths);
        Pins = new PinStore(paths);
        var identity = new PairingRequest
        {
            HostName = Environment.MachineName,
            InstanceName = config.Name,
            AgentVersion = AgentVersion.Current,
        };
        Language = config.Language == "auto" ? HostLanguage.Detect() : config.Language;
        Pairing = new PairingService(Cloud, Credentials, Pins, identity, log, Time, showBanner, Language);
    }

    public InstancePaths Paths { get; }
    public AgentConfig Config { get; }
    public ILogger Log { get; }
    public TimeProvider Time { get; }
    public CloudClient Cloud { get; }
    public CredentialStore Credentials { get; }
    public PinStore Pins { get; }
    public PairingService Pairing { get; }

    /// <summary>Language of the banner and messages: [app] language, or the host's.</summary>
    public string Language { get; }

    public void Dispose()
    {
        Pairing.Dispose();
        Cloud.Dispose();
    }
}
