using System.Runtime.InteropServices;
using CloudLink.Core.Service;
using CloudLink.Core.Service.Windows;

namespace CloudLink.Core.Instance;

/// <summary>
/// Finds the instances installed on this host from their services: on Linux the systemd units that
/// 'service install' wrote (under <see cref="HostRoot"/>), on Windows the services the MSI names
/// "injixo Cloud Link" and "injixo Cloud Link (Instance 1..8)", asked from the Service Control Manager.
/// </summary>
public sealed class InstanceCatalog(string hostRoot = "/", bool? windows = null, IWindowsServiceQuery? windowsServices = null)
{
    private const string UnitMarker = "# Written by `injixo-cloud-link service install`";

    public string HostRoot { get; } = hostRoot;

    public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public string UnitFolder => Path.Combine(HostRoot, "etc", "systemd", "system");

    public IReadOnlyList<InstanceLocation> Find() => windows ?? IsWindows ? FindWindowsServices() : FindSystemdUnits();

    /// <summary>Instances with a systemd unit, in unit-name order.</summary>
    public IReadOnlyList<InstanceLocation> FindSystemdUnits()
    {
        if (!Directory.Exists(UnitFolder))
        {
            return [];
        }

        var found = new List<InstanceLocation>();
        foreach (var file in Directory.GetFiles(UnitFolder, "*.service").OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (!text.StartsWith(UnitMarker, StringComparison.Ordinal) || SystemdUnit.FolderOf(text) is not { } folder)
            {
                continue;
            }

            var command = SystemdUnit.CommandOf(text);
            var configIndex = command.IndexOf("--config");
            var config = configIndex >= 0 && configIndex + 1 < command.Count ? command[configIndex + 1] : Path.Combine(folder, InstancePaths.ConfigFileName);
            var executable = command.FirstOrDefault(word => Path.GetFileName(word) == InstancePaths.ExecutableName) ?? Path.Combine(folder, InstancePaths.ExecutableName);
            found.Add(new InstanceLocation(SystemdUnit.AppNameOf(text) ?? Path.GetFileNameWithoutExtension(file), Path.GetFileName(file), executable, config));
        }

        return found;
    }

    /// <summary>Instances with a Windows service of the installer's names (the default and Instance 1 to 8).</summary>
    public IReadOnlyList<InstanceLocation> FindWindowsServices()
    {
        var found = new List<InstanceLocation>();
        for (var number = 0; number <= InstanceName.WindowsMaximum; number++)
        {
            var service = WindowsServiceName.ForNumber(number);
            if ((windowsServices ?? ServiceControlManagerQuery.Instance).Find(service) is not { } entry
                || WindowsServiceCommand.Split(entry.CommandLine) is not { Count: > 0 } command)
            {
                continue;
            }

            var configIndex = command.IndexOf("--config");
            var executable = command[0];
            var config = configIndex >= 0 && configIndex + 1 < command.Count
                ? command[configIndex + 1]
                : Path.Combine(Path.GetDirectoryName(executable) ?? "", InstancePaths.ConfigFileName);
            found.Add(new InstanceLocation(InstanceName.AppName(number), service, executable, config));
        }

        return found;
    }
}
