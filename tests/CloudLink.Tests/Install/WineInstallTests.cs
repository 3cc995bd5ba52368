using System.Diagnostics;
using CloudLink.Core.Install;
using CloudLink.Tests.Service;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Install;

/// <summary>
/// The Windows-only install paths for real under Wine: msiexec installing and uninstalling an MSI
/// built with wixl (driven by the core's installer from a win-x64 host), and the proxy as machine
/// environment variables in the registry (set by the win-x64 agent). Wine ignores MSINEWINSTANCE,
/// so instance transforms stay covered by the command-line tests.
/// </summary>
[Collection(OperatingSystemServiceTests.Name)]
public sealed class WineInstallTests
{
    internal static readonly string? Host = Environment.GetEnvironmentVariable("CLOUDLINK_WIN_HOST");

    private const string EnvironmentKey = @"HKLM\System\CurrentControlSet\Control\Session Manager\Environment";

    private static string BuildMsi(TempFolder folder)
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Install", "Data", "test-instance.wxs"));
        File.WriteAllText(folder.Combine("test.wxs"), source.Replace("COMPONENT-GUID", Guid.NewGuid().ToString("D").ToUpperInvariant(), StringComparison.Ordinal));
        File.WriteAllText(folder.Combine("injixo-cloud-link.toml"), "[app]\nname = \"com.injixo.cloud-link\"\n");
        var wixl = Process.Start(new ProcessStartInfo("wixl", ["-o", folder.Combine("test.msi"), folder.Combine("test.wxs")]) { WorkingDirectory = folder.Path, RedirectStandardError = true })!;
        var error = wixl.StandardError.ReadToEnd();
        wixl.WaitForExit();
        Assert.True(wixl.ExitCode == 0, error);
        return folder.Combine("test.msi");
    }

    private static Task<(int Code, string Output)> HostAsync(params string[] args) => Wine.RunAsync(Wine.WindowsPath(Host!), args);

    [WineHostFact]
    public async Task Msiexec_installs_into_the_chosen_folder_refuses_it_again_and_uninstalls_by_product_code()
    {
        using var work = new TempFolder("cloudlink-msi");
        var msi = Wine.WindowsPath(BuildMsi(work));
        var folder = $@"C:\CloudLink tests\{Guid.NewGuid():N}";
        try
        {
            var install = await HostAsync("msi-install", msi, folder);
            Assert.True(install.Code == 0, install.Output);
            Assert.Contains("exit 0 attempts 1", install.Output, StringComparison.Ordinal);
            Assert.Contains($"/qn /norestart /l*v ", install.Output, StringComparison.Ordinal);
            Assert.Contains($"{MsiexecCommand.FolderProperty}=\"{folder}\"", install.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Wine.DriveC(folder), "injixo-cloud-link.toml")));

            var again = await HostAsync("msi-install", msi, folder);
            Assert.Equal(1, again.Code);
            Assert.Contains("FolderInUse", again.Output, StringComparison.Ordinal);

            var product = await HostAsync("msi-product", folder);
            Assert.Matches(@"^\{[0-9A-F-]{36}\} instance 0$", product.Output.Trim());

            var uninstall = await HostAsync("msi-uninstall", folder, Wine.WindowsPath(work.Combine("uninstall.log")));
            Assert.True(uninstall.Code == 0, uninstall.Output);
            Assert.Contains($"uninstalled {product.Output.Trim().Split(' ')[0]} exit 0", uninstall.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(Wine.DriveC(folder), "injixo-cloud-link.toml")));
            Assert.Equal("none", (await HostAsync("msi-product", folder)).Output.Trim());
        }
        finally
        {
            await HostAsync("msi-uninstall", folder, Wine.WindowsPath(work.Combine("cleanup.log")));
        }
    }

    [WineHostFact]
    public async Task A_package_msiexec_cannot_open_fails_with_the_exit_code_and_the_log()
    {
        using var work = new TempFolder("cloudlink-msi");
        File.WriteAllText(work.Combine("broken.msi"), "not an MSI");

        var run = await HostAsync("msi-run", Wine.WindowsPath(work.Combine("broken.msi")), @"C:\CloudLink tests\broken", Wine.WindowsPath(work.Combine("broken.log")), "2");

        Assert.Equal(1, run.Code);
        Assert.Contains("MsiexecFailed: msiexec failed to install", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\(exit [1-9][0-9]*: ", run.Output);
        Assert.Contains("broken.log", run.Output, StringComparison.Ordinal);
    }

    [WineHostFact]
    public async Task Rotated_logs_are_found_by_their_names_under_Wine()
    {
        using var folder = new TempFolder("cloudlink-wine-logs");
        foreach (var name in new[] { "injixo-cloud-link.log", "injixo-cloud-link.2026-01-01.1.log", "injixo-cloud-link.2026-01-02.3.log", "injixo-cloud-link.x.log", "other.2026-01-01.1.log" })
        {
            File.WriteAllText(folder.Combine(name), "log");
        }

        var listed = await HostAsync("log-list", Wine.WindowsPath(folder.Path));

        Assert.True(listed.Code == 0, listed.Output);
        Assert.Equal("injixo-cloud-link.2026-01-02.3.log\ninjixo-cloud-link.2026-01-01.1.log\n", listed.Output);
    }

    [WineFact]
    public async Task The_proxy_is_a_machine_variable_in_the_registry_with_the_password_encoded_and_never_shown()
    {
        var agent = Wine.WindowsPath(WindowsServiceTests.Agent!);
        try
        {
            var set = await Wine.RunAsync(agent, "proxy", "set", "http://proxy.corp:3128", "--user", @"CORP\svc", "--password", "p@ss w0rd", "--no-proxy", "localhost,.corp");
            Assert.True(set.Code == 0, set.Output);
            Assert.Contains("machine environment variables", set.Output, StringComparison.Ordinal);

            var registry = await Wine.RunAsync("reg", "query", EnvironmentKey, "/v", "HTTPS_PROXY");
            Assert.Contains(@"http://CORP%5Csvc:p%40ss%20w0rd@proxy.corp:3128", registry.Output, StringComparison.Ordinal);
            Assert.Contains("localhost,.corp", (await Wine.RunAsync("reg", "query", EnvironmentKey, "/v", "NO_PROXY")).Output, StringComparison.Ordinal);

            var show = await Wine.RunAsync(agent, "proxy", "show");
            Assert.Contains("http://CORP%5Csvc:****@proxy.corp:3128 (not for localhost,.corp)", show.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("w0rd", show.Output + set.Output, StringComparison.Ordinal);

            Assert.Equal(0, (await Wine.RunAsync(agent, "proxy", "unset")).Code);
            Assert.DoesNotContain("proxy.corp", (await Wine.RunAsync("reg", "query", EnvironmentKey)).Output, StringComparison.Ordinal);
        }
        finally
        {
            await Wine.RunAsync(agent, "proxy", "unset");
        }
    }
}

/// <summary>A fact that needs Wine, its prefix, the win-x64 test host (CLOUDLINK_WIN_HOST) and wixl.</summary>
public sealed class WineHostFactAttribute : FactAttribute
{
    public WineHostFactAttribute()
    {
        if (WineInstallTests.Host is null || Wine.Prefix is null || !File.Exists("/usr/bin/wine") || !File.Exists("/usr/bin/wixl"))
        {
            Skip = "Needs Wine, wixl (apt-get install wine64 wine wixl), CLOUDLINK_WINEPREFIX and CLOUDLINK_WIN_HOST (tests/CloudLink.WinHost published for win-x64); .ci/run sets them up.";
        }
    }
}
