using CloudLink.Core.Instance;
using CloudLink.Core.Processes;

namespace CloudLink.Core.Proxy;

/// <summary>
/// The host's proxy for every CloudLink instance, wherever the platform keeps it: machine
/// variables on Windows, the environment file and per-unit drop-ins on Linux (followed by
/// 'systemctl daemon-reload' so systemd sees them). Services pick it up at their next start.
/// </summary>
public sealed class HostProxy(IProcessRunner runner, InstanceCatalog catalog)
{
    private readonly LinuxProxyFiles _files = new(catalog.HostRoot);

    public ProxySettings? Read() => InstanceCatalog.IsWindows ? WindowsProxyVariable.Read() : _files.Read();

    /// <summary>Where the setting is kept, for messages.</summary>
    public string Location => InstanceCatalog.IsWindows ? "the machine environment variables HTTPS_PROXY and NO_PROXY" : _files.EnvironmentFile;

    public void Write(ProxySettings settings)
    {
        if (InstanceCatalog.IsWindows)
        {
            WindowsProxyVariable.Write(settings);
            return;
        }

        _files.Write(settings, Units());
        ReloadSystemd();
    }

    /// <summary>Removes the proxy; returns whether one was set.</summary>
    public bool Remove()
    {
        if (InstanceCatalog.IsWindows)
        {
            var had = WindowsProxyVariable.Read() is not null;
            WindowsProxyVariable.Remove();
            return had;
        }

        var removed = _files.Remove(Units()).Count > 0;
        ReloadSystemd();
        return removed;
    }

    private IEnumerable<string> Units() => catalog.FindSystemdUnits().Select(i => i.Service);

    private void ReloadSystemd()
    {
        if (catalog.HostRoot == "/" && Directory.Exists("/run/systemd/system"))
        {
            runner.Run("systemctl", "daemon-reload");
        }
    }
}
