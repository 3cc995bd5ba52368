using System.Diagnostics;
using CloudLink.Core.Control;
using CloudLink.Core.State;
using CloudLink.Tests.Support;
using static CloudLink.Tests.Agent.CommandLineTests;

namespace CloudLink.Tests.Agent;

/// <summary>'status', 'pin' and 'import' talk to the running agent over its control channel, which only its owner may use.</summary>
public sealed class ControlChannelTests
{
    [Fact]
    public async Task The_running_agent_answers_status_pin_and_import_and_the_files_answer_when_it_is_stopped()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        var process = instance.StartProcess();
        try
        {
            var filed = await Eventually.GetAsync(() => Task.FromResult(new PinStore(instance.Paths).Load()), TimeSpan.FromSeconds(30), "the agent's PIN");
            await Eventually.TrueAsync(() => File.Exists(ControlChannel.SocketPath(instance.Paths)), TimeSpan.FromSeconds(30), "the control socket");
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ControlChannel.SocketPath(instance.Paths)));
            }

            var (statusCode, status, _) = await RunAgentAsync("--config", instance.ConfigFile, "status");
            Assert.Equal(0, statusCode);
            Assert.Contains($"Agent:          running (PID {process.Id}", status, StringComparison.Ordinal);

            var (pinCode, pin, _) = await RunAgentAsync("--config", instance.ConfigFile, "pin");
            Assert.Equal(0, pinCode);
            Assert.Contains($"Enter your pin: {filed.Pin}", pin, StringComparison.Ordinal);

            var (importCode, import, _) = await RunAgentAsync("--config", instance.ConfigFile, "import");
            Assert.Equal(0, importCode);
            Assert.Contains("imports now", import, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }

        var (_, stopped, _) = await RunAgentAsync("--config", instance.ConfigFile, "status");
        Assert.Contains("Agent:          not running", stopped, StringComparison.Ordinal);
        Assert.Contains("waiting for PIN", stopped, StringComparison.Ordinal);
        var (code, _, error) = await RunAgentAsync("--config", instance.ConfigFile, "import");
        Assert.Equal(8, code);
        Assert.Contains("not running", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_says_why_when_the_running_agent_cannot_reach_the_cloud()
    {
        using var instance = new AgentInstance(new Uri("http://127.0.0.1:9/"));
        var process = instance.StartProcess();
        try
        {
            await Eventually.TrueAsync(() => File.Exists(ControlChannel.SocketPath(instance.Paths)), TimeSpan.FromSeconds(30), "the control socket");
            var (code, _, error) = await RunAgentAsync("--config", instance.ConfigFile, "pin");
            Assert.Equal(4, code);
            Assert.Contains("Cannot reach the cloud at http://127.0.0.1:9/", error, StringComparison.Ordinal);
            Assert.False(process.HasExited, "the agent stopped over a failed 'pin'");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    [RootFact("it acts as another user with runuser")]
    public async Task The_control_channel_refuses_a_user_who_does_not_own_the_instance()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        var agent = instance.StartProcess();
        try
        {
            await Eventually.TrueAsync(() => File.Exists(ControlChannel.SocketPath(instance.Paths)), TimeSpan.FromSeconds(30), "the control socket");
            var start = new ProcessStartInfo("/usr/sbin/runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-u", "nobody", "--", Environment.ProcessPath!, Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link.dll"), "--config", instance.ConfigFile, "import" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_CLI_HOME"] = "/tmp";
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(5, process.ExitCode);
            Assert.Contains("Only the owner", error, StringComparison.Ordinal);
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
            agent.Dispose();
        }
    }
}
