using CloudLink.Tests.Support;

namespace CloudLink.Tests.Service;

/// <summary>
/// The win-x64 agent as a Windows service under Wine's Service Control Manager: installed, started,
/// queried, stopped (its handler receives STOP and it logs a clean stop) and uninstalled, for the
/// default instance and "(Instance 1)" side by side. .ci/run publishes the agent and prepares the prefix.
/// </summary>
[Collection(OperatingSystemServiceTests.Name)]
public sealed class WindowsServiceTests
{
    internal static readonly string? Agent = Environment.GetEnvironmentVariable("CLOUDLINK_WIN_AGENT");

    private static Task<(int Code, string Output)> WineAsync(string folder, params string[] args) =>
        Wine.RunAsync(Wine.WindowsPath(Path.Combine(folder, "injixo-cloud-link.exe")), ["--config", Wine.WindowsPath(Path.Combine(folder, "injixo-cloud-link.toml")), .. args]);

    private static string Instance(TempFolder root, string folder, string name, Uri cloud)
    {
        var path = root.Combine(folder);
        Directory.CreateDirectory(path);
        File.Copy(Agent!, Path.Combine(path, "injixo-cloud-link.exe"));
        File.WriteAllText(Path.Combine(path, "injixo-cloud-link.toml"), $"[app]\nname = \"{name}\"\n\n[cloud]\nurl = \"{cloud}\"\n");
        return path;
    }

    [WineFact]
    public async Task The_default_instance_and_instance_1_run_side_by_side_as_Windows_services()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var root = new TempFolder("cloudlink-wine");
        var first = Instance(root, "default", "com.injixo.cloud-link", cloud.BaseAddress);
        var second = Instance(root, "instance1", "com.injixo.cloud-link.instance.1", cloud.BaseAddress);
        try
        {
            var install = await WineAsync(first, "service", "install");
            Assert.True(install.Code == 0, install.Output);
            Assert.Contains("Installed injixo Cloud Link (", install.Output, StringComparison.Ordinal);
            var installSecond = await WineAsync(second, "service", "install");
            Assert.True(installSecond.Code == 0, installSecond.Output);
            Assert.Contains("Installed injixo Cloud Link (Instance 1)", installSecond.Output, StringComparison.Ordinal);

            Assert.Equal(0, (await WineAsync(first, "service", "start")).Code);
            Assert.Equal(0, (await WineAsync(second, "service", "start")).Code);
            Assert.Contains("injixo Cloud Link: active (running)", (await WineAsync(first, "service", "status")).Output, StringComparison.Ordinal);
            Assert.Contains("injixo Cloud Link (Instance 1): active (running)", (await WineAsync(second, "service", "status")).Output, StringComparison.Ordinal);

            var pin = await WineAsync(first, "pin");
            Assert.True(pin.Code == 0, pin.Output);
            Assert.Matches(@"Enter your pin: \d{6}", pin.Output);

            // 'service stop' returns once the SCM reports STOPPED; the agent's handler got STOP and it logged a clean stop.
            // (Wine starts automatic services again whenever its service manager starts, so the state is not checked afterwards.)
            var stop = await WineAsync(second, "service", "stop");
            Assert.True(stop.Code == 0, stop.Output);
            Assert.Contains("active (running)", (await WineAsync(first, "service", "status")).Output, StringComparison.Ordinal);
            await Eventually.TrueAsync(
                () => Directory.GetFiles(second, "injixo-cloud-link*.log").Any(log => File.ReadAllText(log).Contains("Stopped.", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30), "the clean stop in instance 1's log");

            Assert.Equal(0, (await WineAsync(second, "service", "uninstall")).Code);
            Assert.Equal(0, (await WineAsync(first, "service", "stop")).Code);
            Assert.Equal(0, (await WineAsync(first, "service", "uninstall")).Code);
            Assert.Equal(7, (await WineAsync(first, "service", "status")).Code);
        }
        finally
        {
            await WineAsync(second, "service", "uninstall");
            await WineAsync(first, "service", "uninstall");
        }
    }

    [CloudLink.Tests.Install.WineHostFact]
    public async Task The_instance_catalog_reads_services_from_the_service_control_manager_not_sc_exe()
    {
        Assert.True(Agent is not null, "CLOUDLINK_WIN_AGENT (the win-x64 agent) is set beside CLOUDLINK_WIN_HOST by .ci/run.");
        await using var cloud = await CloudServer.StartAsync();
        using var root = new TempFolder("cloudlink-wine-catalog");
        var first = Instance(root, "default", "com.injixo.cloud-link", cloud.BaseAddress);
        var second = Instance(root, "instance 2", "com.injixo.cloud-link.instance.2", cloud.BaseAddress);
        try
        {
            Assert.Equal(0, (await WineAsync(first, "service", "install")).Code);
            Assert.Equal(0, (await WineAsync(second, "service", "install")).Code);
            Assert.Equal(0, (await WineAsync(first, "service", "start")).Code);

            var listed = await Wine.RunAsync(Wine.WindowsPath(CloudLink.Tests.Install.WineInstallTests.Host!), "instances");

            Assert.True(listed.Code == 0, listed.Output);
            var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("com.injixo.cloud-link | injixo Cloud Link | Running | ", lines[0], StringComparison.Ordinal);
            Assert.EndsWith(Wine.WindowsPath(Path.Combine(first, "injixo-cloud-link.toml")), lines[0], StringComparison.OrdinalIgnoreCase);
            // Not started here, but Wine starts automatic services whenever its service manager starts: either state is true.
            Assert.Matches(@"^com\.injixo\.cloud-link\.instance\.2 \| injixo Cloud Link \(Instance 2\) \| (Stopped|StartPending|Running) \| ", lines[1]);
            Assert.Contains(Wine.WindowsPath(Path.Combine(second, "injixo-cloud-link.exe")), lines[1], StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await WineAsync(first, "service", "uninstall");
            await WineAsync(second, "service", "uninstall");
        }
    }
}

/// <summary>A fact that needs Wine, a prepared prefix and the win-x64 agent; skipped with the reason otherwise.</summary>
public sealed class WineFactAttribute : FactAttribute
{
    public WineFactAttribute()
    {
        if (WindowsServiceTests.Agent is null || Wine.Prefix is null || !File.Exists("/usr/bin/wine"))
        {
            Skip = "Needs Wine (apt-get install wine64 wine), CLOUDLINK_WINEPREFIX and CLOUDLINK_WIN_AGENT (a win-x64 publish); .ci/run sets them up.";
        }
    }
}
