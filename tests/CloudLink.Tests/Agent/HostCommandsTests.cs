using CloudLink.Core.Instance;
using CloudLink.Core.Proxy;
using CloudLink.Core.Service;
using CloudLink.Tests.Support;
using static CloudLink.Tests.Agent.CommandLineTests;

namespace CloudLink.Tests.Agent;

/// <summary>'proxy', 'logs' and 'import --from/--to' through the real executable, on a temporary host root.</summary>
public sealed class HostCommandsTests
{
    private static Dictionary<string, string> On(TempFolder root) => new() { [HostRoot.Variable] = root.Path };

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Proxy_set_show_unset_write_the_files_every_instance_reads()
    {
        using var root = new TempFolder();
        var units = root.Combine("etc", "systemd", "system");
        Directory.CreateDirectory(units);
        File.WriteAllText(Path.Combine(units, "com.injixo.cloud-link.service"),
            SystemdUnit.Render("com.injixo.cloud-link", "/opt/cl", ["/opt/cl/injixo-cloud-link", "--config", "/opt/cl/injixo-cloud-link.toml", "run"], "injixo-cloud-link"));

        var set = await RunAgentAsync(On(root), "p@ss:w0rd\n", "proxy", "set", "http://proxy.corp:3128", "--user", "svc", "--no-proxy", "localhost,.corp");
        var show = await RunAgentAsync(On(root), null, "proxy", "show");

        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("http://svc:****@proxy.corp:3128", set.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("w0rd", set.Output + set.Error + show.Output, StringComparison.Ordinal);
        Assert.Contains("http://svc:****@proxy.corp:3128 (not for localhost,.corp)", show.Output, StringComparison.Ordinal);
        var files = new LinuxProxyFiles(root.Path);
        Assert.Equal("p@ss:w0rd", files.Read()!.Address.Password);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.EnvironmentFile));
        Assert.True(File.Exists(files.DropIn("com.injixo.cloud-link.service")));

        var unset = await RunAgentAsync(On(root), null, "proxy", "unset");
        Assert.Equal(0, unset.ExitCode);
        Assert.False(File.Exists(files.EnvironmentFile));
        Assert.False(File.Exists(files.DropIn("com.injixo.cloud-link.service")));
        Assert.Contains("No proxy is set", (await RunAgentAsync(On(root), null, "proxy", "show")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_set_refuses_a_url_without_a_scheme_and_writes_nothing()
    {
        using var root = new TempFolder();

        var (code, _, error) = await RunAgentAsync(On(root), null, "proxy", "set", "proxy.corp:3128");

        Assert.Equal(3, code);
        Assert.Contains("has no scheme", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Combine("etc")));
    }

    [Fact]
    public async Task Logs_purge_dry_run_lists_and_purge_deletes_only_rotated_logs()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);
        File.WriteAllText(config, "[app]\n");
        foreach (var day in new[] { "2026-01-01", "2026-01-02", "2026-01-03" })
        {
            File.WriteAllText(folder.Combine($"injixo-cloud-link.{day}.1.log"), "old");
        }

        File.WriteAllText(folder.Combine(InstancePaths.LogFileName), "current");

        var dry = await RunAgentAsync("--config", config, "logs", "purge", "--keep", "1", "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("2 rotated log(s) would be deleted", dry.Output, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(folder.Path, "*.log").Length);

        var purge = await RunAgentAsync("--config", config, "logs", "purge", "--keep", "1");
        Assert.Equal(0, purge.ExitCode);
        Assert.Equal(["injixo-cloud-link.2026-01-03.1.log", "injixo-cloud-link.log"], Directory.GetFiles(folder.Path, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());

        var none = await RunAgentAsync("--config", config, "logs", "purge");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("Give an age", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_schedule_writes_a_timer_that_runs_this_agent_and_unschedule_removes_it()
    {
        using var root = new TempFolder();
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);
        File.WriteAllText(config, "[app]\nname = \"com.injixo.cloud-link.instance.4\"\n");

        var scheduled = await RunAgentAsync(On(root), null, "--config", config, "logs", "schedule", "--older-than", "30");
        var timer = root.Combine("etc", "systemd", "system", "com.injixo.cloud-link.instance.4-log-purge.timer");

        Assert.True(scheduled.ExitCode == 0, scheduled.Error);
        Assert.True(File.Exists(timer));
        var service = File.ReadAllText(Path.ChangeExtension(timer, ".service"));
        Assert.Equal(["--config", config, "logs", "purge", "--older-than", "30"], SystemdUnit.CommandOf(service).Skip(1).ToList());
        Assert.Equal(0, (await RunAgentAsync(On(root), null, "--config", config, "logs", "unschedule")).ExitCode);
        Assert.False(File.Exists(timer));
    }

    [Fact]
    public async Task Import_of_a_period_while_the_agent_is_stopped_is_kept_for_its_start()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);
        File.WriteAllText(config, "[app]\n");

        var (code, _, error) = await RunAgentAsync("--config", config, "import", "--from", "2026-11-20T00:00", "--to", "2026-11-21T00:00");
        var bad = await RunAgentAsync("--config", config, "import", "--from", "2026-11-21T00:00", "--to", "2026-11-20T00:00");

        Assert.Equal(8, code);
        Assert.Contains("read again when it starts", error, StringComparison.Ordinal);
        Assert.Contains("\"from\":\"2026-11-20T00:00:00\"", File.ReadAllText(Path.Combine(folder.Path, "state", "reread.json")), StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
    }
}
