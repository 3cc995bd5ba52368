using System.Diagnostics;
using System.Text.RegularExpressions;
using CloudLink.Core.Install;
using CloudLink.Installer.Database;
using CloudLink.Tests.Service;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Install;

/// <summary>
/// injixo-cloud-link.msi installed by Wine's msiexec, as the manual installs it: instances 1 and 2
/// from the embedded transforms and the default (last: Wine refuses a transform once the plain
/// product is registered), three services side by side, each showing its PIN; a major upgrade of
/// the default that keeps its config and its link; each uninstalled while the others run on.
/// </summary>
[Collection(OperatingSystemServiceTests.Name)]
public sealed partial class ProductMsiWineTests
{
    private static string Folder(int instance) =>
        instance == 0 ? @"C:\Program Files\injixo Cloud Link" : $@"C:\Program Files\injixo Cloud Link (Instance {instance})";

    private static string Service(int instance) => instance == 0 ? "injixo Cloud Link" : $"injixo Cloud Link (Instance {instance})";

    private static string[] Transform(int instance) => instance == 0 ? [] : ["MSINEWINSTANCE=1", $"TRANSFORMS=:instance.{instance}"];

    private static Task<(int Code, string Output)> AgentAsync(int instance, params string[] args) =>
        Wine.RunAsync(Folder(instance) + @"\injixo-cloud-link.exe", ["--config", Folder(instance) + @"\injixo-cloud-link.toml", .. args]);

    private static async Task<string> StateAsync(int instance) =>
        StateLine().Match((await Wine.RunAsync("sc", "query", Service(instance))).Output) is { Success: true } state ? state.Groups[1].Value : "absent";

    private static async Task<TimeSpan> MsiexecAsync(string package, int instance, Uri cloud, string log)
    {
        var clock = Stopwatch.StartNew();
        var run = await Wine.RunAsync("msiexec", ["/i", Wine.WindowsPath(package), .. Transform(instance), $"CLOUDURL={cloud}", "/qn", "/l*v", Wine.WindowsPath(log)]);
        Assert.True(run.Code == 0, $"msiexec exit {run.Code}: {run.Output}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        return clock.Elapsed;
    }

    private static async Task UninstallAsync(string version, int instance)
    {
        string[] transform = instance == 0 ? [] : [$"TRANSFORMS=:instance.{instance}"];
        await Wine.RunAsync("msiexec", ["/x", ProductCodes.ProductCode(version, instance), .. transform, "/qn"]);
    }

    private static string BuildVersion(string version, TempFolder work)
    {
        var output = work.Combine($"injixo-cloud-link-{version}.msi");
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "package-msi.sh");
        var build = Process.Start(new ProcessStartInfo(script, ["--version", version, "--agent", WindowsServiceTests.Agent!, "--output", output]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = build.StandardError.ReadToEndAsync();
        var printed = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        Assert.True(build.ExitCode == 0, printed + error.Result);
        return output;
    }

    [ProductMsiWineFact]
    public async Task Instances_and_the_default_install_side_by_side_upgrade_and_uninstall_one_by_one()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var work = new TempFolder("cloudlink-msi-wine");
        var package = ProductMsiTests.Package!;
        var version = (string)MsiDatabase.Read(package).Row("Property", "ProductVersion")[1]!;
        var parts = version.Split('.');
        var upgradeVersion = $"{parts[0]}.{parts[1]}.{int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 1}";
        int[] order = [1, 2, 0];
        try
        {
            foreach (var instance in order)
            {
                var took = await MsiexecAsync(package, instance, cloud.BaseAddress, work.Combine($"install-{instance}.log"));
                Console.WriteLine($"MSI install of {Service(instance)}: {took.TotalSeconds:F1} s");
            }

            foreach (var instance in order)
            {
                Assert.Equal("RUNNING", await StateAsync(instance));
                var config = File.ReadAllText(Path.Combine(Wine.DriveC(Folder(instance)), "injixo-cloud-link.toml"));
                Assert.Contains(instance == 0 ? "name = \"com.injixo.cloud-link\"\n" : $"name = \"com.injixo.cloud-link.instance.{instance}\"\n", config, StringComparison.Ordinal);
                Assert.Contains($"url = \"{cloud.BaseAddress}\"", config, StringComparison.Ordinal);
                var pin = await Eventually.GetAsync(
                    async () => await AgentAsync(instance, "pin") is { Code: 0 } shown && PinLine().Match(shown.Output) is { Success: true } match ? match.Groups[1].Value : null,
                    TimeSpan.FromSeconds(90), $"the PIN of {Service(instance)}");
                Assert.Matches("^[0-9]{6}$", pin);
            }

            // The default is linked, then upgraded: the new version keeps its config (edited here) and its link.
            var integration = await cloud.People.CreateIntegrationAsync("msi upgrade");
            var defaultPin = PinLine().Match((await AgentAsync(0, "pin")).Output).Groups[1].Value;
            await cloud.People.ConnectOkAsync(integration.Id, defaultPin);
            await Eventually.TrueAsync(async () => (await AgentAsync(0, "pin")).Output.Contains("is linked to integration", StringComparison.Ordinal), TimeSpan.FromSeconds(90), "the default instance linked");
            Assert.Equal(0, (await AgentAsync(0, "config", "set", "app.verbose", "true")).Code);

            var upgrade = BuildVersion(upgradeVersion, work);
            var upgradeTook = await MsiexecAsync(upgrade, 0, cloud.BaseAddress, work.Combine("upgrade-0.log"));
            Console.WriteLine($"MSI major upgrade of {Service(0)}: {upgradeTook.TotalSeconds:F1} s");
            Assert.Contains("Found application: " + ProductCodes.ProductCode(version, 0), File.ReadAllText(work.Combine("upgrade-0.log")), StringComparison.Ordinal);
            Assert.Equal("RUNNING", await StateAsync(0));
            Assert.Contains("verbose = true", File.ReadAllText(Path.Combine(Wine.DriveC(Folder(0)), "injixo-cloud-link.toml")), StringComparison.Ordinal);
            await Eventually.TrueAsync(async () => (await AgentAsync(0, "pin")).Output.Contains($"is linked to integration {integration.Id}", StringComparison.Ordinal), TimeSpan.FromSeconds(90), "the upgraded default still linked");
            Assert.Equal("RUNNING", await StateAsync(1));
            Assert.Equal("RUNNING", await StateAsync(2));

            // Uninstalled one by one: the service and the program go, the config, log and state stay, the others run on.
            (int Instance, string Version)[] removals = [(1, version), (0, upgradeVersion), (2, version)];
            for (var i = 0; i < removals.Length; i++)
            {
                var (instance, installed) = removals[i];
                await UninstallAsync(installed, instance);
                Assert.Equal("absent", await StateAsync(instance));
                var folder = Wine.DriveC(Folder(instance));
                Assert.False(File.Exists(Path.Combine(folder, "injixo-cloud-link.exe")), $"{Folder(instance)} still holds the agent");
                Assert.True(File.Exists(Path.Combine(folder, "injixo-cloud-link.toml")), $"{Folder(instance)} lost its config");
                Assert.True(File.Exists(Path.Combine(folder, "injixo-cloud-link.log")), $"{Folder(instance)} lost its log");
                Assert.True(Directory.Exists(Path.Combine(folder, "state")), $"{Folder(instance)} lost its state");
                foreach (var (other, _) in removals[(i + 1)..])
                {
                    Assert.Equal("RUNNING", await StateAsync(other));
                }
            }
        }
        finally
        {
            foreach (var instance in order)
            {
                await UninstallAsync(version, instance);
                await UninstallAsync(upgradeVersion, instance);
                var folder = Wine.DriveC(Folder(instance));
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    [GeneratedRegex(@"STATE\s+:\s+\d+\s+(\w+)")]
    private static partial Regex StateLine();

    [GeneratedRegex(@"Enter your pin: (\d{6})")]
    private static partial Regex PinLine();
}

/// <summary>A fact that needs the product MSI (CLOUDLINK_MSI), Wine with its prefix and the win-x64 agent; .ci/run sets them up.</summary>
public sealed class ProductMsiWineFactAttribute : FactAttribute
{
    public ProductMsiWineFactAttribute()
    {
        if (ProductMsiTests.Package is null || WindowsServiceTests.Agent is null || Wine.Prefix is null || !File.Exists("/usr/bin/wine") || !File.Exists("/usr/bin/wixl"))
        {
            Skip = "Needs CLOUDLINK_MSI (scripts/package.sh), Wine with CLOUDLINK_WINEPREFIX, CLOUDLINK_WIN_AGENT and wixl; .ci/run sets them up.";
        }
    }
}
