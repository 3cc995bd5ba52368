using CloudLink.Core.Config;
using CloudLink.Core.Install;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;
using CloudLink.Core.Service;
using CloudLink.Tests.Service;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Install;

/// <summary>
/// Install-CloudLinkInstance on Linux with the real release archive and the real tar, on a
/// temporary host root (the service part runs under a real systemd in the script tests).
/// </summary>
public sealed class LinuxInstanceInstallerTests
{
    private static string? Package => SystemdServiceTests.Package;

    private static LinuxInstanceInstaller Installer(TempFolder root) =>
        new(ProcessRunner.Instance, new InstanceCatalog(root.Path, windows: false));

    /// <summary>What 'service install' leaves: the unit naming the instance's folder.</summary>
    private static void RegisterUnit(TempFolder root, InstanceLocation instance)
    {
        var units = root.Combine("etc", "systemd", "system");
        Directory.CreateDirectory(units);
        File.WriteAllText(Path.Combine(units, instance.Service),
            SystemdUnit.Render(instance.AppName, instance.Paths.Folder, [instance.Executable, "--config", instance.Paths.ConfigFile, "run"], "injixo-cloud-link"));
    }

    [PackageFact]
    public void Instances_get_their_own_folder_and_the_next_free_name_and_a_used_folder_or_name_is_refused()
    {
        using var root = new TempFolder();
        using var opt = new TempFolder();

        var first = Installer(root).Install(new LinuxInstallRequest { Archive = Package!, Folder = opt.Combine("east"), CloudUrl = "http://127.0.0.1:5080/", InstallService = false });
        RegisterUnit(root, first);
        var second = Installer(root).Install(new LinuxInstallRequest { Archive = Package!, Folder = opt.Combine("west"), ImportDirectory = "exports", InstallService = false });

        Assert.Equal(("com.injixo.cloud-link", "com.injixo.cloud-link.service"), (first.AppName, first.Service));
        Assert.Equal(("com.injixo.cloud-link.instance.1", "com.injixo.cloud-link.instance.1.service"), (second.AppName, second.Service));
        Assert.True(File.Exists(second.Executable));
        Assert.True(File.Exists(Path.Combine(opt.Combine("west"), "licenses", "Serilog.LICENSE.txt")));
        var config = ConfigLoader.Load(second.Paths);
        Assert.Equal("com.injixo.cloud-link.instance.1", config.Name);
        Assert.Equal(opt.Combine("west", "exports"), config.ImportDirectory);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), ConfigLoader.Load(first.Paths).CloudUrl);
        Assert.Contains("# ", File.ReadAllText(second.Paths.ConfigFile), StringComparison.Ordinal);

        var reused = Assert.Throws<InstallException>(() => Installer(root).Install(new LinuxInstallRequest { Archive = Package!, Folder = opt.Combine("east"), InstallService = false }));
        Assert.Equal("FolderInUse", reused.Reason);
        Assert.Contains("com.injixo.cloud-link, service com.injixo.cloud-link.service", reused.Message, StringComparison.Ordinal);
        var named = Assert.Throws<InstallException>(() => Installer(root).Install(new LinuxInstallRequest { Archive = Package!, Folder = opt.Combine("north"), Name = "com.injixo.cloud-link", InstallService = false }));
        Assert.Equal("NameInUse", named.Reason);
        Assert.False(Directory.Exists(opt.Combine("north")));
    }

    [PackageFact]
    public void The_inspector_reports_version_link_and_service_state_from_the_instance_itself()
    {
        using var root = new TempFolder();
        using var opt = new TempFolder();
        var instance = Installer(root).Install(new LinuxInstallRequest { Archive = Package!, Folder = opt.Combine("east"), InstallService = false });

        var info = new InstanceInspector(new AgentCli(ProcessRunner.Instance)).Describe(instance);

        Assert.Equal(CloudLink.Core.AgentVersion.Current, info.Version);
        Assert.False(info.Linked);
        Assert.Equal(opt.Combine("east", "injixo-cloud-link.log"), info.LogPath);
        Assert.Contains(info.State, new[] { "NotInstalled", "Unknown" });
    }

    [Fact]
    public void A_missing_archive_is_named()
    {
        using var root = new TempFolder();

        var error = Assert.Throws<InstallException>(() => Installer(root).Install(new LinuxInstallRequest { Archive = "/nowhere/cl.tar.gz", Folder = root.Combine("x") }));

        Assert.Equal("ArchiveNotFound", error.Reason);
        Assert.Contains("/nowhere/cl.tar.gz", error.Message, StringComparison.Ordinal);
    }
}
