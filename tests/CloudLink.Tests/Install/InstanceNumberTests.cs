using CloudLink.Core.Install;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Install;

/// <summary>Which instance comes next, and the refusals: the tenth Windows instance, a folder that holds an instance.</summary>
public sealed class InstanceNumberTests
{
    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 0 }, 1)]
    [InlineData(new[] { 0, 1, 3 }, 2)]
    [InlineData(new[] { 1, 2 }, 0)]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7 }, 8)]
    public void The_next_free_instance_is_the_lowest_unused_number(int[] used, int next)
    {
        Assert.Equal(next, InstanceName.NextFree(used, InstanceName.WindowsMaximum));
    }

    [Fact]
    public void A_tenth_windows_instance_is_refused_but_linux_has_no_limit()
    {
        var nine = Enumerable.Range(0, 9).ToArray();

        var error = Assert.Throws<InstallException>(() => InstanceName.NextFree(nine, InstanceName.WindowsMaximum));

        Assert.Contains("All 9 instances", error.Message, StringComparison.Ordinal);
        Assert.Contains("Uninstall-CloudLinkInstance", error.Message, StringComparison.Ordinal);
        Assert.Equal(9, InstanceName.NextFree(nine, maximum: null));
    }

    [Theory]
    [InlineData("com.injixo.cloud-link", 0)]
    [InlineData("com.injixo.cloud-link.instance.1", 1)]
    [InlineData("com.injixo.cloud-link.instance.12", 12)]
    [InlineData("com.injixo.cloud-link.instance.01", null)]
    [InlineData("com.injixo.cloud-link.instance.", null)]
    [InlineData("acd-east", null)]
    public void Instance_numbers_come_from_the_app_name(string name, int? number)
    {
        Assert.Equal(number, InstanceName.Number(name));
        if (number is { } n)
        {
            Assert.Equal(name, InstanceName.AppName(n));
        }
    }

    /// <summary>A Windows host (the Service Control Manager and msiexec scripted) with services for <paramref name="installed"/>.</summary>
    private static (WindowsInstanceInstaller Installer, ScriptedProcessRunner Runner, ScriptedServices Services) WindowsHost(params int[] installed)
    {
        var runner = new ScriptedProcessRunner((file, args) => file == "msiexec.exe" ? ScriptedProcessRunner.Exit(file, args, 0) : null);
        var services = new ScriptedServices(installed);
        var catalog = new InstanceCatalog(windows: true, windowsServices: services);
        return (new WindowsInstanceInstaller(new MsiInstaller(runner, _ => { }), catalog), runner, services);
    }

    /// <summary>Services "injixo Cloud Link[ (Instance N)]" for the given numbers, each running C:\CL\N's agent.</summary>
    private sealed class ScriptedServices(int[] installed) : CloudLink.Core.Service.IWindowsServiceQuery
    {
        public List<string> Asked { get; } = [];

        public CloudLink.Core.Service.WindowsServiceEntry? Find(string name)
        {
            Asked.Add(name);
            var number = installed.Cast<int?>().FirstOrDefault(n => CloudLink.Core.Service.Windows.WindowsServiceName.ForNumber(n!.Value) == name);
            return number is { } n
                ? new(name, $@"""C:\CL\{n}\injixo-cloud-link.exe"" --config ""C:\CL\{n}\injixo-cloud-link.toml"" run --service", "Running")
                : null;
        }
    }

    [Fact]
    public void Windows_install_picks_the_next_free_instance_from_the_services_and_runs_its_transform()
    {
        using var folder = new TempFolder();
        var msi = folder.Combine("injixo-cloud-link.msi");
        File.WriteAllText(msi, "msi");
        var (installer, runner, services) = WindowsHost(0, 1, 3);

        var (instance, outcome) = installer.Install(msi, folder.Combine("two"), cloudUrl: null, importDirectory: null);

        Assert.Equal(2, instance.Number);
        Assert.Equal("injixo Cloud Link (Instance 2)", instance.Service);
        Assert.Equal(9, services.Asked.Count);
        Assert.Equal("injixo Cloud Link (Instance 8)", services.Asked[8]);
        Assert.DoesNotContain(runner.Calls, c => c.FileName == "sc.exe");
        var msiexec = Assert.Single(runner.Calls, c => c.FileName == "msiexec.exe");
        Assert.StartsWith($"/i {msi} /qn /norestart /l*v ", msiexec.Arguments, StringComparison.Ordinal);
        Assert.EndsWith($" MSINEWINSTANCE=1 TRANSFORMS=\":instance.2\" INSTALLFOLDER=\"{folder.Combine("two")}\"", msiexec.Arguments, StringComparison.Ordinal);
        Assert.Contains("install-2-", outcome.LogPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_install_refuses_a_tenth_instance_without_running_msiexec()
    {
        using var folder = new TempFolder();
        var msi = folder.Combine("cl.msi");
        File.WriteAllText(msi, "msi");
        var (installer, runner, _) = WindowsHost(Enumerable.Range(0, 9).ToArray());

        Assert.Throws<InstallException>(() => installer.Install(msi, folder.Combine("ten"), null, null));
        Assert.DoesNotContain(runner.Calls, c => c.FileName == "msiexec.exe");
    }

    [Fact]
    public void Windows_install_refuses_a_folder_that_already_holds_an_instance()
    {
        using var folder = new TempFolder();
        var msi = folder.Combine("cl.msi");
        File.WriteAllText(msi, "msi");
        Directory.CreateDirectory(folder.Combine("used"));
        File.WriteAllText(folder.Combine("used", InstancePaths.ConfigFileName), "[app]\n");
        var (installer, runner, _) = WindowsHost(0);

        var error = Assert.Throws<InstallException>(() => installer.Install(msi, folder.Combine("used"), null, null));

        Assert.Equal("FolderInUse", error.Reason);
        Assert.Contains("would overwrite it", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(runner.Calls, c => c.FileName == "msiexec.exe");
    }

    [Fact]
    public void Windows_install_of_a_missing_msi_names_the_file()
    {
        var (installer, runner, _) = WindowsHost();

        var error = Assert.Throws<InstallException>(() => installer.Install("/nowhere/cl.msi", null, null, null));

        Assert.Equal("MsiNotFound", error.Reason);
        Assert.Contains("/nowhere/cl.msi", error.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public void Linux_catalog_reads_the_units_that_service_install_wrote_and_ignores_others()
    {
        using var root = new TempFolder();
        var units = root.Combine("etc", "systemd", "system");
        Directory.CreateDirectory(units);
        File.WriteAllText(Path.Combine(units, "com.injixo.cloud-link.instance.2.service"),
            CloudLink.Core.Service.SystemdUnit.Render("com.injixo.cloud-link.instance.2", "/opt/cl two", ["/opt/cl two/injixo-cloud-link", "--config", "/opt/cl two/injixo-cloud-link.toml", "run"], "injixo-cloud-link"));
        File.WriteAllText(Path.Combine(units, "nginx.service"), "[Service]\nWorkingDirectory=/srv\nExecStart=/usr/sbin/nginx\n");

        var found = Assert.Single(new InstanceCatalog(root.Path, windows: false).Find());

        Assert.Equal(("com.injixo.cloud-link.instance.2", 2, "com.injixo.cloud-link.instance.2.service"), (found.AppName, found.Number, found.Service));
        Assert.Equal("/opt/cl two/injixo-cloud-link", found.Executable);
        Assert.Equal("/opt/cl two/injixo-cloud-link.toml", found.Paths.ConfigFile);
    }
}
