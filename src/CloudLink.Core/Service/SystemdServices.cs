using System.Diagnostics;
using System.Text;
using CloudLink.Core.Instance;
using CloudLink.Core.Proxy;
using CloudLink.Core.State;

namespace CloudLink.Core.Service;

/// <summary>
/// Installs and controls an instance as a systemd service. Several instances live side by side,
/// each with its own unit named from its [app] name; a unit of that name that belongs to another
/// folder is never overwritten.
/// </summary>
public static class SystemdServices
{
    private const string UnitFolder = "/etc/systemd/system";

    private static readonly string[] VendorUnitFolders = ["/lib/systemd/system", "/usr/lib/systemd/system"];

    /// <summary>Refuses plainly when systemd is not the init system (a container, WSL 1, an old init).</summary>
    public static void EnsureSystemd()
    {
        if (Directory.Exists("/run/systemd/system"))
        {
            return;
        }

        var init = "unknown";
        try
        {
            init = File.ReadAllText("/proc/1/comm").Trim();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        throw new ServiceException(
            $"systemd is not running on this system (process 1 is '{init}'), so no service can be installed. " +
            "Run the agent in the foreground with 'injixo-cloud-link run' under the system's own service manager (or a container's), or enable systemd (e.g. in WSL: [boot] systemd=true in /etc/wsl.conf).");
    }

    /// <summary>
    /// Installs (or installs again) the instance's unit, run as <paramref name="account"/>, and gives
    /// the instance's files to that user (<see cref="ServiceFiles"/>). A service that was running is
    /// stopped while its files change hands, and started again as the new user.
    /// </summary>
    public static (ServiceRecord Record, bool Restarted) Install(InstancePaths paths, string appName, IReadOnlyList<string> command, UnixAccount account)
    {
        EnsureSystemd();
        var unit = SystemdUnit.Name(appName);
        var unitFile = Path.Combine(UnitFolder, unit);
        foreach (var existing in new[] { unitFile }.Concat(VendorUnitFolders.Select(folder => Path.Combine(folder, unit))))
        {
            if (!File.Exists(existing))
            {
                continue;
            }

            var owner = SystemdUnit.FolderOf(File.ReadAllText(existing));
            if (owner is null || !SameFolder(owner, paths.Folder))
            {
                throw new ServiceException(
                    $"A service named {unit} is already installed ({existing}) for {owner ?? "another program"}. " +
                    $"Give this instance a unique [app] name in {paths.ConfigFile}, e.g. \"com.injixo.cloud-link.instance.1\" (injixo-cloud-link config set app.name ...), then install again.");
            }
        }

        var previous = ServiceRecords.Load(paths);
        if (previous is not null && previous.Unit != unit)
        {
            throw new ServiceException(
                $"This instance is installed as {previous.Unit}, but its [app] name now gives {unit}. Uninstall first ('injixo-cloud-link service uninstall' with the old name), then install again.");
        }

        var wasRunning = previous is not null && Systemctl(allowFailure: true, "is-active", unit).Trim() == "active";
        if (wasRunning)
        {
            Systemctl("stop", unit); // no file changes hands under a running agent
        }

        File.WriteAllText(unitFile, SystemdUnit.Render(appName, paths.Folder, command, account.Name), new UTF8Encoding(false));
        NativeUnix.SetMode(unitFile, 0x1A4); // 0644
        var proxy = new LinuxProxyFiles();
        if (File.Exists(proxy.EnvironmentFile))
        {
            proxy.WriteDropIn(unit); // the host's proxy (Set-CloudLinkProxy, 'proxy set') applies to new instances too
        }

        Systemctl("daemon-reload");
        Systemctl("enable", unit);
        var record = new ServiceRecord { Unit = unit, UnitFile = unitFile, InstalledAt = DateTimeOffset.UtcNow, User = account.Name };
        ServiceRecords.Save(paths, record);
        ServiceFiles.GiveTo(paths, account);
        if (wasRunning)
        {
            Systemctl("start", unit);
        }

        return (record, wasRunning);
    }

    public static ServiceRecord Uninstall(InstancePaths paths)
    {
        EnsureSystemd();
        var record = ServiceRecords.Installed(paths);
        Systemctl(allowFailure: true, "stop", record.Unit);
        Systemctl(allowFailure: true, "disable", record.Unit);
        if (File.Exists(record.UnitFile) && SameFolder(SystemdUnit.FolderOf(File.ReadAllText(record.UnitFile)) ?? "", paths.Folder))
        {
            File.Delete(record.UnitFile);
            new LinuxProxyFiles().RemoveDropIn(record.Unit);
        }

        Systemctl("daemon-reload");
        ServiceRecords.Delete(paths);
        return record;
    }

    public static ServiceRecord Control(InstancePaths paths, string action)
    {
        EnsureSystemd();
        var record = ServiceRecords.Installed(paths);
        Systemctl(action, record.Unit);
        return record;
    }

    public static ServiceState Status(InstancePaths paths)
    {
        EnsureSystemd();
        var record = ServiceRecords.Installed(paths);
        var output = Systemctl("show", record.Unit, "--property=ActiveState,SubState,MainPID,ActiveEnterTimestamp");
        var values = output.Split('\n').Select(line => line.Split(['='], 2)).Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.Ordinal);
        return new ServiceState(record.Unit,
            values.TryGetValue("ActiveState", out var active) ? active : "unknown",
            values.TryGetValue("SubState", out var sub) ? sub : "unknown",
            values.TryGetValue("MainPID", out var pid) && int.TryParse(pid, out var mainPid) ? mainPid : 0,
            values.TryGetValue("ActiveEnterTimestamp", out var since) ? since : "");
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);

    private static string Systemctl(params string[] args) => Systemctl(allowFailure: false, args);

    private static string Systemctl(bool allowFailure, params string[] args)
    {
        var start = new ProcessStartInfo("systemctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new ServiceException("systemctl could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new ServiceException($"'systemctl {string.Join(" ", args)}' failed (exit {process.ExitCode}): {error.Trim()} See 'journalctl -u {args.LastOrDefault()}' for the service's own messages.");
        }

        return output.GetAwaiter().GetResult();
    }
}
