using System.Diagnostics;
using CloudLink.Core.Instance;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Agent;

/// <summary>The real injixo-cloud-link executable: help, version, exit codes and messages.</summary>
public sealed class CommandLineTests
{
    internal static Task<(int ExitCode, string Output, string Error)> RunAgentAsync(params string[] args) =>
        RunAgentAsync(new Dictionary<string, string>(), null, args);

    internal static async Task<(int ExitCode, string Output, string Error)> RunAgentAsync(IDictionary<string, string> environment, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LANG"] = "C.UTF-8";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_zero()
    {
        var (code, output, _) = await RunAgentAsync("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "run", "pin", "status", "version", "--config", "Exit codes" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }

        var (pinCode, pinHelp, _) = await RunAgentAsync("pin", "--help");
        Assert.Equal(0, pinCode);
        Assert.Contains("--new", pinHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_product_version()
    {
        var (code, output, _) = await RunAgentAsync("version");
        Assert.Equal(0, code);
        Assert.Matches(@"^injixo-cloud-link \d+\.\d+\.\d+", output);
    }

    [Fact]
    public async Task An_unknown_command_or_option_is_a_usage_error_that_says_what_to_do()
    {
        var (code, _, error) = await RunAgentAsync("strat");
        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'strat'", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);

        var (optionCode, _, optionError) = await RunAgentAsync("status", "--json");
        Assert.Equal(2, optionCode);
        Assert.Contains("does not know --json", optionError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_config_stops_the_agent_with_file_line_and_column()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);
        await File.WriteAllTextAsync(config, "[app]\nverbose = maybe\n");

        var (code, _, error) = await RunAgentAsync("--config", config, "run");

        Assert.Equal(3, code);
        Assert.Contains($"{config}:2:11:", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("state")), "nothing is started on a bad config");
    }

    [Fact]
    public async Task Status_of_a_new_instance_creates_the_default_config_and_says_how_to_pair()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);

        var (code, output, error) = await RunAgentAsync("--config", config, "status");

        Assert.Equal(0, code);
        Assert.Contains("Created the default config", error, StringComparison.Ordinal);
        Assert.True(File.Exists(config));
        Assert.Contains("com.injixo.cloud-link", output, StringComparison.Ordinal);
        Assert.Contains("not paired; run 'injixo-cloud-link pin'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_and_status_work_against_the_cloud_without_a_running_agent()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress);

        var (code, output, _) = await RunAgentAsync("--config", instance.ConfigFile, "pin");
        Assert.Equal(0, code);
        var pin = System.Text.RegularExpressions.Regex.Match(output, @"Enter your pin: (\d{6}) \(expires in 5 minutes\)").Groups[1].Value;
        Assert.Matches("^[0-9]{6}$", pin);
        Assert.StartsWith("** Before you are able to run the client,", output, StringComparison.Ordinal);

        var (_, again, _) = await RunAgentAsync("--config", instance.ConfigFile, "pin");
        Assert.Contains($"Enter your pin: {pin}", again, StringComparison.Ordinal);
        var (_, status, _) = await RunAgentAsync("--config", instance.ConfigFile, "status");
        Assert.Contains($"waiting for PIN {pin}", status, StringComparison.Ordinal);

        var (_, fresh, _) = await RunAgentAsync("--config", instance.ConfigFile, "pin", "--new");
        Assert.DoesNotContain($"Enter your pin: {pin}", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_wait_shows_the_running_agents_pin_until_someone_enters_it_then_says_linked()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress);
        using var agent = instance.StartProcess();
        try
        {
            // The installer's PIN window: stdin is not a console here, so it does not wait for Enter at the end.
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link.dll"), "--config", instance.ConfigFile, "pin", "--wait" })
            {
                start.ArgumentList.Add(arg);
            }

            using var window = Process.Start(start)!;
            window.StandardInput.Close();
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            window.OutputDataReceived += (_, line) => lines.Enqueue(line.Data ?? "");
            window.BeginOutputReadLine();
            var pin = await Eventually.GetAsync(
                () => Task.FromResult(lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"Enter your pin: (\d{6})")).FirstOrDefault(m => m.Success)?.Groups[1].Value),
                TimeSpan.FromSeconds(90), "the PIN in the window");
            Assert.Contains(lines, l => l.Contains("Waiting for the PIN to be entered on the integration's page", StringComparison.Ordinal));

            await cloud.People.ConnectOkAsync(integration.Id, pin);
            await window.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(0, window.ExitCode);
            Assert.Contains($"This instance is now linked to integration {integration.Id} (CSV). Data uploads have started.", lines);
            Assert.DoesNotContain(lines, l => l.Contains("Press Enter", StringComparison.Ordinal));

            var (usage, _, usageError) = await RunAgentAsync("--config", instance.ConfigFile, "pin", "--wait", "--json");
            Assert.Equal(2, usage);
            Assert.Contains("cannot be combined with --json", usageError, StringComparison.Ordinal);
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Pin_json_is_the_same_pin_and_beside_the_holder_of_the_state_lock_pin_reads_its_file_and_pin_new_waits()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        var (code, text, _) = await RunAgentAsync("--config", instance.ConfigFile, "pin");
        Assert.Equal(0, code);
        var pin = System.Text.RegularExpressions.Regex.Match(text, @"Enter your pin: (\d{6})").Groups[1].Value;

        var (jsonCode, json, _) = await RunAgentAsync("--config", instance.ConfigFile, "pin", "--json");
        Assert.Equal(0, jsonCode);
        var info = CloudLink.Core.Pairing.PinInfo.FromJson(json);
        Assert.Equal((pin, false, "com.injixo.cloud-link", instance.Folder), (info.Pin, info.Linked, info.Instance, info.Folder));
        Assert.Contains($"Enter your pin: {pin}", info.Banner, StringComparison.Ordinal);

        // Another process holds the lock (an agent without a channel, as under Wine): its PIN file answers 'pin';
        // 'pin --new' must not go to the cloud beside it, and waits.
        var held = CloudLink.Core.State.StateLock.Acquire(instance.Paths);
        var (filedCode, filed, filedError) = await RunAgentAsync("--config", instance.ConfigFile, "pin", "--json");
        Assert.True(filedCode == 0, filedError);
        Assert.Equal(pin, CloudLink.Core.Pairing.PinInfo.FromJson(filed).Pin);
        var waiting = RunAgentAsync("--config", instance.ConfigFile, "pin", "--new", "--json");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted, "'pin' finished while another process held the state lock");
        Assert.Equal(pin, new CloudLink.Core.State.PinStore(instance.Paths).Load()!.Pin);
        held.Dispose();

        var (freshCode, fresh, error) = await waiting;
        Assert.True(freshCode == 0, error);
        Assert.NotEqual(pin, CloudLink.Core.Pairing.PinInfo.FromJson(fresh).Pin);
    }

    [Fact]
    public async Task The_banner_follows_the_host_language()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link.dll"), "--config", instance.ConfigFile, "pin" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LC_ALL"] = "fr_FR.UTF-8";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Contains("** Avant de pouvoir lancer le client,", output, StringComparison.Ordinal);
        Assert.Contains("(expire dans 5 minutes).", output, StringComparison.Ordinal);
    }
}
