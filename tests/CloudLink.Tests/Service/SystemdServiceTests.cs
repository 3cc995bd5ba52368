using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Service;

/// <summary>
/// The packaged agent as a service under a real systemd (PID 1 in a systemd-ct container):
/// install, start, pin, status, a second instance beside it, the name collision, a crash restart,
/// the journal, stop and uninstall. .ci/run builds the container tree and the release archive.
/// </summary>
[Collection(OperatingSystemServiceTests.Name)]
public sealed class SystemdServiceTests
{
    internal static readonly string? Root = Environment.GetEnvironmentVariable("CLOUDLINK_SYSTEMD_CT_ROOT");
    internal static readonly string? Package = Environment.GetEnvironmentVariable("CLOUDLINK_PACKAGE");
    private static readonly string Tool = Path.Combine(RepositoryPaths.Root, "..", "shared", "tools", "systemd-ct");

    public static string SkipReason =>
        Root is null || Package is null ? "Needs CLOUDLINK_SYSTEMD_CT_ROOT (systemd-ct build ROOT) and CLOUDLINK_PACKAGE (scripts/package.sh); .ci/run sets both."
        : !File.Exists(Tool) ? $"systemd-ct not found at {Tool}."
        : Environment.UserName != "root" ? "systemd-ct needs root."
        : "";

    internal static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    internal static Task<(int Code, string Output)> ExecAsync(string container, params string[] command) => RunAsync(["exec", container, .. command]);

    internal static void Extract(string folder, string name, Uri cloud)
    {
        Directory.CreateDirectory(folder);
        using (var gzip = new GZipStream(File.OpenRead(Package!), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: false);
        }

        var config = Path.Combine(folder, "injixo-cloud-link.toml");
        File.WriteAllText(config, File.ReadAllText(config)
            .Replace("name = \"com.injixo.cloud-link\"", $"name = \"{name}\"", StringComparison.Ordinal)
            .Replace("url = \"https://www.injixo.com\"", $"url = \"{cloud}\"", StringComparison.Ordinal));
    }

    [SystemdFact]
    public async Task Two_instances_run_side_by_side_as_systemd_services()
    {
        // The container has its own network, so the reference cloud runs inside it, on the host's .NET bound in read-only.
        var cloud = new Uri("http://127.0.0.1:5080/");
        using var folder = new TempFolder("cloudlink-systemd");
        Extract(folder.Combine("default"), "com.injixo.cloud-link", cloud);
        Extract(folder.Combine("instance1"), "com.injixo.cloud-link.instance.1", cloud);
        Extract(folder.Combine("clash"), "com.injixo.cloud-link", cloud);
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath)!;
        var container = "cl-" + Guid.NewGuid().ToString("N")[..8];
        var (booted, bootOutput) = await RunAsync("boot", Root!, container,
            $"--bind={folder.Path}:/opt/cl", $"--bind-ro={dotnet}:/opt/dotnet", $"--bind-ro={AppContext.BaseDirectory}:/opt/cloud");
        Assert.True(booted == 0, bootOutput);
        try
        {
            var started = await ExecAsync(container, "systemd-run", "--unit=reference-cloud", "-E", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1",
                "/opt/dotnet/dotnet", "/opt/cloud/cloudlink-cloud.dll", "--urls", "http://127.0.0.1:5080", "--Cloud:DataDirectory=/var/lib/reference-cloud");
            Assert.True(started.Code == 0, started.Output);

            var agent = "/opt/cl/default/injixo-cloud-link";
            var second = "/opt/cl/instance1/injixo-cloud-link";
            Assert.Equal(0, (await ExecAsync(container, "systemctl", "is-system-running", "--wait")).Code is 0 or 1 ? 0 : 1);

            var install = await ExecAsync(container, agent, "service", "install");
            Assert.True(install.Code == 0, install.Output);
            Assert.Contains("com.injixo.cloud-link.service", install.Output, StringComparison.Ordinal);
            Assert.Equal(0, (await ExecAsync(container, agent, "service", "start")).Code);
            Assert.Equal(0, (await ExecAsync(container, "systemctl", "is-active", "com.injixo.cloud-link.service")).Code);

            (int Code, string Output) pin = default;
            await Eventually.TrueAsync(async () => (pin = await ExecAsync(container, agent, "pin")).Code == 0, TimeSpan.FromSeconds(30), "the PIN from the cloud in the container");
            Assert.Matches(@"Enter your pin: \d{6}", pin.Output);
            var status = await ExecAsync(container, agent, "status");
            Assert.Contains("waiting for PIN", status.Output, StringComparison.Ordinal);

            Assert.Equal(0, (await ExecAsync(container, second, "service", "install")).Code);
            Assert.Equal(0, (await ExecAsync(container, second, "service", "start")).Code);
            Assert.Equal(0, (await ExecAsync(container, "systemctl", "is-active", "com.injixo.cloud-link.instance.1.service")).Code);

            var clash = await ExecAsync(container, "/opt/cl/clash/injixo-cloud-link", "service", "install");
            Assert.Equal(7, clash.Code);
            Assert.Contains("unique [app] name", clash.Output, StringComparison.Ordinal);
            Assert.Contains("WorkingDirectory=/opt/cl/default", (await ExecAsync(container, "cat", "/etc/systemd/system/com.injixo.cloud-link.service")).Output, StringComparison.Ordinal);

            Assert.Equal(0, (await ExecAsync(container, second, "service", "uninstall")).Code);
            Assert.NotEqual(0, (await ExecAsync(container, "systemctl", "is-active", "com.injixo.cloud-link.instance.1.service")).Code);
            Assert.Equal(0, (await ExecAsync(container, "systemctl", "is-active", "com.injixo.cloud-link.service")).Code);

            var pid = (await ExecAsync(container, "systemctl", "show", "-p", "MainPID", "--value", "com.injixo.cloud-link.service")).Output.Trim();
            Assert.Equal(0, (await ExecAsync(container, "sh", "-c", $"kill -KILL {pid}")).Code);
            await Eventually.TrueAsync(async () =>
            {
                var now = (await ExecAsync(container, "systemctl", "show", "-p", "MainPID", "--value", "com.injixo.cloud-link.service")).Output.Trim();
                return now != pid && now != "0" && (await ExecAsync(container, "systemctl", "is-active", "com.injixo.cloud-link.service")).Code == 0;
            }, TimeSpan.FromSeconds(30), "systemd to restart the crashed service");

            var journal = await ExecAsync(container, "journalctl", "-u", "com.injixo.cloud-link.service", "--no-pager");
            Assert.Contains("injixo Cloud Link", journal.Output, StringComparison.Ordinal);
            Assert.Contains("started for instance com.injixo.cloud-link", journal.Output, StringComparison.Ordinal);

            Assert.Equal(0, (await ExecAsync(container, agent, "service", "stop")).Code);
            Assert.Equal(8, (await ExecAsync(container, agent, "service", "status")).Code);
            Assert.Equal(0, (await ExecAsync(container, agent, "service", "uninstall")).Code);
            Assert.False((await ExecAsync(container, "test", "-e", "/etc/systemd/system/com.injixo.cloud-link.service")).Code == 0);
        }
        finally
        {
            await RunAsync("stop", container);
        }
    }
}

/// <summary>A fact that needs a systemd-ct tree and the release archive; skipped with the reason otherwise.</summary>
public sealed class SystemdFactAttribute : FactAttribute
{
    public SystemdFactAttribute()
    {
        if (SystemdServiceTests.SkipReason.Length > 0)
        {
            Skip = SystemdServiceTests.SkipReason;
        }
    }
}

/// <summary>A theory that needs systemd-analyze on the host; skipped with the reason otherwise.</summary>
public sealed class SystemdAnalyzeTheoryAttribute : TheoryAttribute
{
    public SystemdAnalyzeTheoryAttribute()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            Skip = "systemd-analyze is not installed (Debian package systemd).";
        }
    }
}
