using CloudLink.Core.Processes;

namespace CloudLink.Core.Instance;

/// <summary>
/// Runs an instance's own agent executable for what only the agent of that version should do:
/// service install/control (systemd or the Windows service manager), imports, its version.
/// Exit codes are those of docs/cli.md.
/// </summary>
public sealed class AgentCli(IProcessRunner runner)
{
    public ProcessResult Run(InstanceLocation instance, params string[] arguments) => Run(instance.Executable, instance.Paths, arguments);

    public ProcessResult Run(string executable, InstancePaths paths, params string[] arguments) =>
        runner.Run(executable, CommandLine.Join(new[] { "--config", paths.ConfigFile }.Concat(arguments)));

    /// <summary>Runs the agent and throws its own message (which names the cause and the fix) when it fails.</summary>
    public ProcessResult Require(string executable, InstancePaths paths, params string[] arguments)
    {
        var result = Run(executable, paths, arguments);
        if (result.ExitCode != 0)
        {
            var message = (result.Error.Trim().Length > 0 ? result.Error : result.Output).Trim();
            throw new AgentCommandException(result.ExitCode,
                $"'{string.Join(" ", arguments)}' for the instance in {paths.Folder} failed (exit {result.ExitCode}): {message}");
        }

        return result;
    }
}

/// <summary>The agent refused or failed a command; <see cref="ExitCode"/> is one of docs/cli.md.</summary>
public sealed class AgentCommandException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
