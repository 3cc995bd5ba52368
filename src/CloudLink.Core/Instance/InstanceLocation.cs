namespace CloudLink.Core.Instance;

/// <summary>An instance found on the host: its [app] name, its service and where its files are.</summary>
public sealed class InstanceLocation(string appName, string service, string executable, string configFile)
{
    public string AppName { get; } = appName;

    /// <summary>0 for the default instance, N for instance.N, null for a name of the operator's own.</summary>
    public int? Number => InstanceName.Number(AppName);

    /// <summary>The systemd unit or Windows service name.</summary>
    public string Service { get; } = service;

    public string Executable { get; } = executable;

    public InstancePaths Paths { get; } = new(configFile);

    /// <summary>The instance whose config is <paramref name="configFile"/>: its name from the config, its executable beside it.</summary>
    public static InstanceLocation FromConfig(string configFile)
    {
        var paths = new InstancePaths(configFile);
        var name = Config.ConfigLoader.Load(paths).Name;
        var windows = InstanceCatalog.IsWindows;
        var executable = Path.Combine(paths.Folder, InstancePaths.ExecutableName + (windows ? ".exe" : ""));
        var service = windows ? CloudLink.Core.Service.Windows.WindowsServiceName.From(name) : CloudLink.Core.Service.SystemdUnit.Name(name);
        return new InstanceLocation(name, service, executable, paths.ConfigFile);
    }
}
