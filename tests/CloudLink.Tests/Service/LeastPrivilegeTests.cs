using CloudLink.Tests.Support;
using Xunit.Abstractions;
using static CloudLink.Tests.Service.SystemdServiceTests;

namespace CloudLink.Tests.Service;

/// <summary>
/// The packaged agent as a service under a real systemd (systemd-ct), tried as its admin and as
/// another local user would: it runs as its own system user in a sandbox, its files are that
/// user's and nobody else's, root and that user both work it, a root instance moves to the user on
/// reinstall, and an import folder the user cannot read is named with the fix.
/// </summary>
[Collection(OperatingSystemServiceTests.Name)]
public sealed class LeastPrivilegeTests(ITestOutputHelper output)
{
    private const string User = "injixo-cloud-link";
    private const string Unit = "com.injixo.cloud-link.service";
    private const string Agent = "/opt/cl/a/injixo-cloud-link";

    [SystemdFact]
    public async Task The_service_runs_as_its_own_user_in_a_sandbox_and_keeps_its_files_to_itself()
    {
        await using var box = await Box.BootAsync();
        var install = await box.OkAsync(Agent, "service", "install");
        Assert.Contains($"Created the system user {User}", install, StringComparison.Ordinal);
        Assert.Contains($"to run as {User}.", install, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", install, StringComparison.Ordinal);
        var unit = await box.OkAsync("cat", $"/etc/systemd/system/{Unit}");
        Assert.Contains($"User={User}", unit, StringComparison.Ordinal);
        await box.OkAsync(Agent, "service", "start");

        var pin = await box.PinAsync(Agent);
        Assert.Equal(pin, await box.PinAsync("runuser", "-u", User, "--", Agent));
        Assert.Contains("waiting for PIN", await box.OkAsync(Agent, "status"), StringComparison.Ordinal);
        Assert.Contains("waiting for PIN", await box.OkAsync("runuser", "-u", User, "--", Agent, "status"), StringComparison.Ordinal);

        var pid = await box.MainPidAsync();
        Assert.Equal(User, (await box.OkAsync("stat", "-c", "%U", $"/proc/{pid}")).Trim());
        var status = await box.OkAsync("cat", $"/proc/{pid}/status");
        Assert.Matches(@"NoNewPrivs:\s+1", status);
        Assert.Matches(@"CapEff:\s+0+\n", status);
        Assert.Matches(@"CapBnd:\s+0+\n", status);

        Assert.Equal(
            $"root:{User} 1770 /opt/cl/a\nroot:{User} 640 /opt/cl/a/injixo-cloud-link.toml\n{User}:{User} 640 /opt/cl/a/injixo-cloud-link.log\n{User}:{User} 700 /opt/cl/a/state\n",
            await box.OkAsync("stat", "-c", "%U:%G %a %n", "/opt/cl/a", "/opt/cl/a/injixo-cloud-link.toml", "/opt/cl/a/injixo-cloud-link.log", "/opt/cl/a/state"));
        var stateFiles = await box.OkAsync("sh", "-c", "find /opt/cl/a/state -mindepth 1 -exec stat -c '%U:%G %a %F %n' {} +");
        Assert.Contains("pin.json", stateFiles, StringComparison.Ordinal);
        foreach (var line in stateFiles.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Matches($"^{User}:{User} (600 (regular (empty )?file|socket)|700 directory) ", line);
        }

        // Another local user: no log, no config, no state, no socket, no file of her own in the instance's folder.
        await box.OkAsync("useradd", "--create-home", "mallory");
        foreach (var read in new[] { "/opt/cl/a/injixo-cloud-link.log", "/opt/cl/a/injixo-cloud-link.toml", "/opt/cl/a/state/pin.json" })
        {
            var refused = await box.ExecAsync("runuser", "-u", "mallory", "--", "cat", read);
            Assert.True(refused.Code != 0 && refused.Output.Contains("Permission denied", StringComparison.Ordinal), $"{read}: {refused.Output}");
        }

        Assert.NotEqual(0, (await box.ExecAsync("runuser", "-u", "mallory", "--", "touch", "/opt/cl/a/injixo-cloud-link.log.x")).Code);
        var mallorysPin = await box.ExecAsync("runuser", "-u", "mallory", "--", Agent, "pin");
        Assert.NotEqual(0, mallorysPin.Code);
        Assert.DoesNotContain(pin, mallorysPin.Output, StringComparison.Ordinal);
        Assert.Contains("Permission denied", mallorysPin.Output, StringComparison.Ordinal);

        // The sandbox: a folder the user owns is writable to it outside the unit, read-only inside; /tmp is the unit's own.
        await box.OkAsync("install", "-d", "-o", User, "-g", User, "/srv/outside");
        await box.OkAsync("runuser", "-u", User, "--", "touch", "/srv/outside/from-a-shell");
        var uid = (await box.OkAsync("id", "-u", User)).Trim();
        var gid = (await box.OkAsync("id", "-g", User)).Trim();
        var inside = await box.ExecAsync("nsenter", "-t", pid, "-m", "-S", uid, "-G", gid, "touch", "/srv/outside/from-the-unit");
        Assert.NotEqual(0, inside.Code);
        Assert.Contains("Read-only file system", inside.Output, StringComparison.Ordinal);
        await box.OkAsync("touch", "/tmp/host-tmp-marker");
        Assert.NotEqual(0, (await box.ExecAsync("nsenter", "-t", pid, "-m", "test", "-e", "/tmp/host-tmp-marker")).Code);

        var security = await box.OkAsync("systemd-analyze", "security", "--no-pager", Unit);
        var rating = SystemdSecurity.Rating(security);
        output.WriteLine($"systemd-analyze security {Unit} (live, as {User}): {rating.Exposure} {rating.Level}");
        Assert.True(rating.Level is "PERFECT" or "SAFE" or "OK", security);

        // Root edits the config with a secret in it: the config stays readable by the service's group only, and the service starts on it.
        await box.OkAsync("sh", "-c", $"printf 'Hunter2\\n' | {Agent} config set database.password --stdin");
        Assert.Equal($"root:{User} 640\n", await box.OkAsync("stat", "-c", "%U:%G %a", "/opt/cl/a/injixo-cloud-link.toml"));
        await box.OkAsync(Agent, "service", "restart");
        await Eventually.TrueAsync(async () => (await box.ExecAsync(Agent, "pin")).Code == 0, TimeSpan.FromSeconds(60), "the restarted service to answer 'pin'");
        Assert.Equal(pin, await box.PinAsync(Agent));
    }

    [SystemdFact]
    public async Task Reinstalling_a_root_instance_moves_it_to_the_service_user_and_an_unreadable_import_folder_is_named()
    {
        await using var box = await Box.BootAsync();
        var asRoot = await box.ExecAsync(Agent, "service", "install", "--user", "root");
        Assert.True(asRoot.Code == 0, asRoot.Output);
        Assert.Contains("warning: the service runs as root, as asked for (--user root)", asRoot.Output, StringComparison.Ordinal);
        Assert.Contains("CapabilityBoundingSet=CAP_DAC_READ_SEARCH", await box.OkAsync("cat", $"/etc/systemd/system/{Unit}"), StringComparison.Ordinal);
        await box.OkAsync(Agent, "service", "start");
        var pin = await box.PinAsync(Agent);
        Assert.Equal("root\n", await box.OkAsync("stat", "-c", "%U", $"/proc/{await box.MainPidAsync()}"));
        Assert.Equal("root:root 700\n", await box.OkAsync("stat", "-c", "%U:%G %a", "/opt/cl/a/state"));

        // An export folder only root can read, named in the config before the move.
        await box.OkAsync("install", "-d", "-m", "0700", "/srv/exports");
        await box.OkAsync("sh", "-c", "printf 'a,b\\n1,2\\n' > /srv/exports/calls.csv");
        await box.OkAsync(Agent, "config", "set", "app.importDirectory", "/srv/exports");

        var move = await box.ExecAsync(Agent, "service", "install");
        Assert.True(move.Code == 0, move.Output);
        Assert.Contains($"Moved the instance from root to {User}", move.Output, StringComparison.Ordinal);
        Assert.Contains($"It was running: restarted it as {User}.", move.Output, StringComparison.Ordinal);
        Assert.Contains($"warning: {User} cannot read the import folder /srv/exports.", move.Output, StringComparison.Ordinal);
        Assert.True(move.Output.Contains("setfacl -m u:injixo-cloud-link:rx /srv/exports", StringComparison.Ordinal), move.Output);

        Assert.Equal(User, (await box.OkAsync("stat", "-c", "%U", $"/proc/{await box.MainPidAsync()}")).Trim());
        var owners = await box.OkAsync("sh", "-c", "find /opt/cl/a/state /opt/cl/a/injixo-cloud-link.log -printf '%u:%g\\n' | sort -u");
        Assert.Equal($"{User}:{User}\n", owners);
        await Eventually.TrueAsync(async () => (await box.ExecAsync(Agent, "pin")).Code == 0, TimeSpan.FromSeconds(60), "the moved service to answer 'pin'");
        Assert.Equal(pin, await box.PinAsync(Agent));
        Assert.Equal(pin, await box.PinAsync("runuser", "-u", User, "--", Agent));

        var check = await box.ExecAsync(Agent, "check");
        Assert.Equal(10, check.Code);
        Assert.Matches(@"FAILED\s+import folder.*injixo-cloud-link cannot read the import folder /srv/exports", check.Output);

        // The fix the message gives for groups, then the check passes that line.
        await box.OkAsync("chgrp", "-R", User, "/srv/exports");
        await box.OkAsync("chmod", "-R", "g+rX", "/srv/exports");
        var fixedCheck = await box.ExecAsync(Agent, "check");
        Assert.DoesNotContain("cannot read the import folder", fixedCheck.Output, StringComparison.Ordinal);
        Assert.Matches(@"ok\s+import folder", fixedCheck.Output);
    }

    /// <summary>One container with the reference cloud and the packaged agent in /opt/cl/a.</summary>
    private sealed class Box : IAsyncDisposable
    {
        private readonly TempFolder _folder;
        private readonly string _name;

        private Box(TempFolder folder, string name) => (_folder, _name) = (folder, name);

        public static async Task<Box> BootAsync()
        {
            var folder = new TempFolder("cloudlink-least-privilege");
            // By name, so the sandboxed agent resolves it (glibc's getaddrinfo, with only Unix and IP sockets).
            SystemdServiceTests.Extract(folder.Combine("a"), "com.injixo.cloud-link", new Uri("http://localhost:5080/"));
            var dotnet = Path.GetDirectoryName(Environment.ProcessPath)!;
            var box = new Box(folder, "cl-" + Guid.NewGuid().ToString("N")[..8]);
            var (booted, bootOutput) = await RunAsync("boot", Root!, box._name,
                $"--bind={folder.Path}:/opt/cl", $"--bind-ro={dotnet}:/opt/dotnet", $"--bind-ro={AppContext.BaseDirectory}:/opt/cloud");
            Assert.True(booted == 0, bootOutput);
            await box.OkAsync("sh", "-c", "printf '127.0.0.1 localhost\\n::1 localhost\\n' > /etc/hosts"); // the container tree has none
            await box.OkAsync("systemd-run", "--unit=reference-cloud", "-E", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1",
                "/opt/dotnet/dotnet", "/opt/cloud/cloudlink-cloud.dll", "--urls", "http://127.0.0.1:5080", "--Cloud:DataDirectory=/var/lib/reference-cloud");
            return box;
        }

        public Task<(int Code, string Output)> ExecAsync(params string[] command) => SystemdServiceTests.ExecAsync(_name, command);

        public async Task<string> OkAsync(params string[] command)
        {
            var (code, text) = await ExecAsync(command);
            Assert.True(code == 0, $"{string.Join(' ', command)} exited {code}: {text}");
            return text;
        }

        /// <summary>The PIN the running instance shows, once it has one from the cloud.</summary>
        public async Task<string> PinAsync(params string[] agent)
        {
            var shown = "";
            await Eventually.TrueAsync(async () =>
            {
                var (code, text) = await ExecAsync([.. agent, "pin"]);
                shown = text;
                return code == 0;
            }, TimeSpan.FromSeconds(60), $"'{string.Join(' ', agent)} pin'");
            return System.Text.RegularExpressions.Regex.Match(shown, @"Enter your pin: (\d{6})").Groups[1].Value is { Length: 6 } pin
                ? pin : throw new Xunit.Sdk.XunitException($"no PIN in: {shown}");
        }

        public async Task<string> MainPidAsync()
        {
            var pid = "0";
            await Eventually.TrueAsync(async () => (pid = (await OkAsync("systemctl", "show", "-p", "MainPID", "--value", Unit)).Trim()) != "0",
                TimeSpan.FromSeconds(30), $"{Unit} to have a main process");
            return pid;
        }

        public async ValueTask DisposeAsync()
        {
            await RunAsync("stop", _name);
            _folder.Dispose();
        }
    }
}
