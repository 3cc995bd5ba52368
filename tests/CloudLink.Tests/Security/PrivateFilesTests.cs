using CloudLink.Core.Control;
using CloudLink.Tests.Agent;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Security;

/// <summary>
/// What an instance keeps from other local users: the log (0640), a config holding a secret (no
/// access for others), the state (0700) and with it the control socket; secrets stay off the
/// command line and out of every output; and the agent refuses to run on files others can change.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests
{
    private const string Password = "Hunter2-db-pass";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_secret_set_from_standard_input_is_stored_never_shown_and_the_config_loses_the_others_access()
    {
        using var instance = new AgentInstance(new Uri("http://127.0.0.1:9"));
        File.SetUnixFileMode(instance.ConfigFile, (UnixFileMode)0x1A4); // 0644

        var set = await CommandLineTests.RunAgentAsync(new Dictionary<string, string>(), Password + "\n", "--config", instance.ConfigFile, "config", "set", "database.password", "--stdin");
        var get = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "config", "get", "database.password");
        var connection = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "config", "set", "database.connection", $"DSN=acd;Token={Password}");

        Assert.Equal((0, 0, 0), (set.ExitCode, get.ExitCode, connection.ExitCode));
        Assert.Contains($"password = \"{Password}\"", File.ReadAllText(instance.ConfigFile), StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0x1A0, File.GetUnixFileMode(instance.ConfigFile)); // 0640
        foreach (var output in new[] { set.Output, set.Error, get.Output, get.Error, connection.Output })
        {
            Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        }

        Assert.Contains("(set; not shown)", get.Output, StringComparison.Ordinal);
        Assert.Contains("DSN=acd;Token=***", connection.Output, StringComparison.Ordinal);
        Assert.Contains("was given on the command line, where other users can see it", connection.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("command line", set.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config", 0x1B6, "can be changed by every user (mode 0666)")]
    [InlineData("folder", 0x1FD, "can be changed by its group (mode 0775)")]
    [InlineData("state", 0x1F8, "can be changed by its group (mode 0770)")]
    public async Task The_agent_refuses_to_run_on_files_others_can_change_and_names_the_path_and_the_fix(string which, int mode, string problem)
    {
        using var instance = new AgentInstance(new Uri("http://127.0.0.1:9"));
        Directory.CreateDirectory(instance.Paths.StateFolder);
        var path = which switch
        {
            "config" => instance.ConfigFile,
            "folder" => instance.Folder,
            _ => instance.Paths.StateFolder,
        };
        File.SetUnixFileMode(path, (UnixFileMode)mode);

        var run = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "run");

        Assert.Equal(9, run.ExitCode);
        Assert.Contains($"Refused: {path}: {problem}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Fix: chmod go-w '{path}'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(instance.Paths.PinFile));
    }

    [Fact]
    public async Task A_config_or_state_file_that_is_a_symbolic_link_is_not_read_and_nothing_of_its_target_is_quoted()
    {
        using var instance = new AgentInstance(new Uri("http://127.0.0.1:9"));
        using var elsewhere = new TempFolder("cloudlink-elsewhere");
        var shadow = elsewhere.Combine("shadow");
        File.WriteAllText(shadow, "root:$6$s3cret-hash-of-root:19000:0:99999:7:::\n");
        File.Delete(instance.ConfigFile);
        File.CreateSymbolicLink(instance.ConfigFile, shadow);

        var status = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "status");

        Assert.Equal(3, status.ExitCode);
        Assert.Contains($"{instance.ConfigFile} is a symbolic link; the agent reads its config and state only from regular files", status.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", status.Output + status.Error, StringComparison.Ordinal);

        using var linkedState = new AgentInstance(new Uri("http://127.0.0.1:9"));
        Directory.CreateDirectory(linkedState.Paths.StateFolder);
        File.CreateSymbolicLink(linkedState.Paths.CredentialsFile, shadow);
        var stateStatus = await CommandLineTests.RunAgentAsync("--config", linkedState.ConfigFile, "status");
        Assert.Equal(5, stateStatus.ExitCode);
        Assert.Contains($"{linkedState.Paths.CredentialsFile} is a symbolic link", stateStatus.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stateStatus.Output + stateStatus.Error, StringComparison.Ordinal);
    }

    [RootFact("it makes a throwaway user and gives a file to that user")]
    public async Task A_config_owned_by_another_user_is_refused()
    {
        using var instance = new AgentInstance(new Uri("http://127.0.0.1:9"));
        using var mallory = new ThrowawayUser();
        Command.Output("chown", [mallory.Name, instance.ConfigFile]);

        var run = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "run");

        Assert.Equal(9, run.ExitCode);
        Assert.Contains($"{instance.ConfigFile}: belongs to {mallory.Name} (uid {mallory.Uid}), not to root", run.Error, StringComparison.Ordinal);
    }

    [RootFact("it makes a throwaway user and tries the instance's files as that user")]
    public async Task Another_user_cannot_read_the_log_the_config_with_a_secret_or_the_state_nor_use_the_control_socket()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        Assert.Equal(0, (await CommandLineTests.RunAgentAsync(new Dictionary<string, string>(), Password + "\n", "--config", instance.ConfigFile, "config", "set", "database.password", "--stdin")).ExitCode);
        using var agent = instance.StartProcess();
        using var mallory = new ThrowawayUser();
        try
        {
            await Eventually.TrueAsync(() => File.Exists(ControlChannel.SocketPath(instance.Paths)) && File.Exists(instance.Paths.LogFile) &&
                instance.LogText().Contains("Enter your pin", StringComparison.Ordinal), Wait, "the agent to run and log its PIN");
            Assert.Equal((UnixFileMode)0x1A0, File.GetUnixFileMode(instance.Paths.LogFile)); // 0640

            Assert.NotEqual(0, mallory.Run("cat", instance.Paths.LogFile));
            Assert.NotEqual(0, mallory.Run("cat", instance.ConfigFile));
            Assert.NotEqual(0, mallory.Run("ls", instance.Paths.StateFolder));
            Assert.NotEqual(0, mallory.Run("cat", instance.Paths.PinFile));
            Assert.NotEqual(0, mallory.Run("python3", "-c", $"import socket; socket.socket(socket.AF_UNIX).connect('{ControlChannel.SocketPath(instance.Paths)}')"));
            Assert.Equal(0, mallory.Run("cat", "/etc/hostname")); // the user can read what others may read
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
        }
    }
}
