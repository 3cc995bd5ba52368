using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;
using CloudLink.Core.Service;

namespace CloudLink.Core.Install;

/// <summary>
/// Installs an instance on Linux: unpacks the release archive into its own folder, gives it the
/// next free [app] name (com.injixo.cloud-link, then .instance.1, .instance.2, ...), lets the
/// instance's agent install (and start) its systemd service (which adds the proxy drop-in if a proxy is set).
/// </summary>
public sealed class LinuxInstanceInstaller(IProcessRunner runner, InstanceCatalog catalog)
{
    private const string WarningPrefix = "warning: ";

    /// <param name="warn">Gets each warning of 'service install' (e.g. an import folder the service's user cannot read, with the fix).</param>
    public InstanceLocation Install(LinuxInstallRequest request, Action<string>? warn = null)
    {
        if (!File.Exists(request.Archive))
        {
            throw new InstallException($"The release archive {request.Archive} does not exist. Download injixo-cloud-link-VERSION-linux-x64.tar.gz and pass its path.") { Reason = "ArchiveNotFound" };
        }

        var installed = catalog.Find();
        FolderCheck.EnsureFree(request.Folder, installed);
        var name = request.Name ?? InstanceName.AppName(InstanceName.NextFree(installed.Select(i => i.Number).OfType<int>(), maximum: null));
        var clash = installed.FirstOrDefault(i => i.AppName == name);
        if (clash is not null)
        {
            throw new InstallException($"The name {name} is already used by the instance in {clash.Paths.Folder}. Leave -Name out to get the next free one.") { Reason = "NameInUse" };
        }

        var paths = new InstancePaths(Path.Combine(Path.GetFullPath(request.Folder), InstancePaths.ConfigFileName));
        Directory.CreateDirectory(paths.Folder);
        var unpacked = runner.Run("tar", CommandLine.Join(["-xzf", Path.GetFullPath(request.Archive), "-C", paths.Folder, "--no-same-owner"]));
        if (unpacked.ExitCode != 0)
        {
            throw new InstallException($"Cannot unpack {request.Archive} into {paths.Folder}: {unpacked.Error.Trim()}. Check the archive (sha256sum -c) and the free space.") { Reason = "UnpackFailed" };
        }

        ConfigFile.Set(paths, "app.name", name);
        if (request.CloudUrl is not null)
        {
            ConfigFile.Set(paths, "cloud.url", request.CloudUrl);
        }

        if (request.ImportDirectory is not null)
        {
            ConfigFile.Set(paths, "app.importDirectory", request.ImportDirectory);
        }

        var executable = Path.Combine(paths.Folder, InstancePaths.ExecutableName);
        var unit = SystemdUnit.Name(name);
        if (request.InstallService)
        {
            var agent = new AgentCli(runner);
            var service = agent.Require(executable, paths, request.ServiceUser is null ? ["service", "install"] : ["service", "install", "--user", request.ServiceUser]);
            foreach (var line in service.Error.Split('\n').Where(line => line.StartsWith(WarningPrefix, StringComparison.Ordinal)))
            {
                warn?.Invoke(line.Substring(WarningPrefix.Length).Trim());
            }

            if (request.Start)
            {
                agent.Require(executable, paths, "service", "start");
            }
        }

        return new InstanceLocation(name, unit, executable, paths.ConfigFile);
    }
}
