using CloudLink.Tests.Support;
using static CloudLink.Tests.Service.SystemdServiceTests;

namespace CloudLink.Tests.Service;

/// <summary>
/// The Linux shell tooling as an admin runs it, under a real systemd (systemd-ct): install two
/// instances, a proxy that both services see (also the one installed after it), the instance list,
/// a log purge timer that runs, and an uninstall that leaves the other instance alone.
/// </summary>
[Collection(OperatingSystemServiceTests.Name)]
public sealed class ShellToolingUnderSystemdTests
{
    [SystemdFact]
    public async Task Scripts_install_proxy_list_purge_and_uninstall_instances_under_systemd()
    {
        using var folder = new TempFolder("cloudlink-scripts");
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath)!;
        var container = "cl-" + Guid.NewGuid().ToString("N")[..8];
        var archive = "/opt/pkg/" + Path.GetFileName(Package!);
        var (booted, bootOutput) = await RunAsync("boot", Root!, container,
            $"--bind={folder.Path}:/opt/cl", $"--bind-ro={Path.Combine(RepositoryPaths.Root, "scripts")}:/opt/scripts",
            $"--bind-ro={Path.GetDirectoryName(Package)}:/opt/pkg", $"--bind-ro={dotnet}:/opt/dotnet", $"--bind-ro={AppContext.BaseDirectory}:/opt/cloud");
        Assert.True(booted == 0, bootOutput);
        try
        {
            Assert.Equal(0, (await ExecAsync(container, "systemd-run", "--unit=reference-cloud", "-E", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1",
                "/opt/dotnet/dotnet", "/opt/cloud/cloudlink-cloud.dll", "--urls", "http://127.0.0.1:5080", "--Cloud:DataDirectory=/var/lib/reference-cloud")).Code);
            await Eventually.TrueAsync(async () => (await ExecAsync(container, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5080")).Code == 0,
                TimeSpan.FromSeconds(60), "the reference cloud in the container");

            var east = await ExecAsync(container, "bash", "/opt/scripts/cloudlink-install.sh", "--archive", archive, "--folder", "/opt/cl/east", "--cloud-url", "http://127.0.0.1:5080/");
            Assert.True(east.Code == 0, east.Output);
            Assert.Contains("Installed com.injixo.cloud-link in /opt/cl/east", east.Output, StringComparison.Ordinal);
            Assert.Matches(@"Enter your pin: \d{6}", east.Output);
            Assert.Equal(0, (await ExecAsync(container, "systemctl", "is-active", "com.injixo.cloud-link.service")).Code);

            var proxy = await ExecAsync(container, "bash", "-c",
                "printf 'p@ss w0rd\\n' | bash /opt/scripts/cloudlink-proxy.sh set http://proxy.corp:3128 --user svc --no-proxy 127.0.0.1,localhost");
            Assert.True(proxy.Code == 0, proxy.Output);
            Assert.DoesNotContain("w0rd", proxy.Output, StringComparison.Ordinal);

            var west = await ExecAsync(container, "bash", "/opt/scripts/cloudlink-install.sh", "--archive", archive, "--folder", "/opt/cl/west", "--cloud-url", "http://127.0.0.1:5080/", "--user", "cl-west");
            Assert.True(west.Code == 0, west.Output);
            Assert.Contains("Installed com.injixo.cloud-link.instance.1 in /opt/cl/west", west.Output, StringComparison.Ordinal);
            Assert.Contains("Created the system user cl-west", west.Output, StringComparison.Ordinal);
            var westPid = (await ExecAsync(container, "systemctl", "show", "-p", "MainPID", "--value", "com.injixo.cloud-link.instance.1.service")).Output.Trim();
            Assert.Equal("cl-west", (await ExecAsync(container, "stat", "-c", "%U", $"/proc/{westPid}")).Output.Trim());
            var refused = await ExecAsync(container, "bash", "/opt/scripts/cloudlink-install.sh", "--archive", archive, "--folder", "/opt/cl/west");
            Assert.Equal(1, refused.Code);
            Assert.Contains("already holds the instance com.injixo.cloud-link.instance.1", refused.Output, StringComparison.Ordinal);

            // Both services read the proxy: the first through the drop-in 'proxy set' added, the second through the one 'service install' added.
            Assert.Equal(0, (await ExecAsync(container, "systemctl", "restart", "com.injixo.cloud-link.service")).Code);
            foreach (var unit in new[] { "com.injixo.cloud-link.service", "com.injixo.cloud-link.instance.1.service" })
            {
                var pid = (await ExecAsync(container, "systemctl", "show", "-p", "MainPID", "--value", unit)).Output.Trim();
                var environment = await ExecAsync(container, "bash", "-c", $"tr '\\0' '\\n' < /proc/{pid}/environ");
                Assert.Contains("HTTPS_PROXY=http://svc:p%40ss%20w0rd@proxy.corp:3128", environment.Output, StringComparison.Ordinal);
                Assert.Contains("NO_PROXY=127.0.0.1,localhost", environment.Output, StringComparison.Ordinal);
            }

            var list = await ExecAsync(container, "bash", "/opt/scripts/cloudlink-instances.sh");
            Assert.Contains("com.injixo.cloud-link\tcom.injixo.cloud-link.service\tactive\t/opt/cl/east", list.Output, StringComparison.Ordinal);
            Assert.Contains("com.injixo.cloud-link.instance.1\tcom.injixo.cloud-link.instance.1.service\tactive\t/opt/cl/west", list.Output, StringComparison.Ordinal);

            File.WriteAllText(folder.Combine("east", "injixo-cloud-link.2020-01-01.1.log"), "old");
            File.SetLastWriteTimeUtc(folder.Combine("east", "injixo-cloud-link.2020-01-01.1.log"), new DateTime(2020, 1, 1, 23, 0, 0, DateTimeKind.Utc));
            var schedule = await ExecAsync(container, "bash", "/opt/scripts/cloudlink-log-purge.sh", "--folder", "/opt/cl/east", "--schedule", "--older-than", "30");
            Assert.True(schedule.Code == 0, schedule.Output);
            Assert.Equal("enabled", (await ExecAsync(container, "systemctl", "is-enabled", "com.injixo.cloud-link-log-purge.timer")).Output.Trim());
            var purge = await ExecAsync(container, "systemctl", "start", "com.injixo.cloud-link-log-purge.service");
            Assert.True(purge.Code == 0, purge.Output);
            Assert.False(File.Exists(folder.Combine("east", "injixo-cloud-link.2020-01-01.1.log")));
            Assert.True(File.Exists(folder.Combine("east", "injixo-cloud-link.log")));

            var uninstall = await ExecAsync(container, "bash", "/opt/scripts/cloudlink-uninstall.sh", "--folder", "/opt/cl/west", "--remove-files", "--yes");
            Assert.True(uninstall.Code == 0, uninstall.Output);
            Assert.NotEqual(0, (await ExecAsync(container, "test", "-e", "/etc/systemd/system/com.injixo.cloud-link.instance.1.service")).Code);
            Assert.NotEqual(0, (await ExecAsync(container, "test", "-e", "/etc/systemd/system/com.injixo.cloud-link.instance.1.service.d/proxy.conf")).Code);
            Assert.False(Directory.Exists(folder.Combine("west")));
            Assert.Equal(0, (await ExecAsync(container, "systemctl", "is-active", "com.injixo.cloud-link.service")).Code);
        }
        finally
        {
            await RunAsync("stop", container);
        }
    }
}
