using System.Runtime.InteropServices;
using CloudLink.Agent.Cli;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;
using CloudLink.Core.Service;
using CloudLink.Core.Service.Windows;
using CloudLink.Core.State;

namespace CloudLink.Agent.Commands;

/// <summary>'service install | uninstall | start | stop | restart | status' for this instance (systemd on Linux).</summary>
internal static class ServiceCommand
{
    public static int Run(Invocation invocation)
    {
        var action = invocation.Words.Count == 2 ? invocation.Words[1] : "";
        if (action is not ("install" or "uninstall" or "start" or "stop" or "restart" or "status"))
        {
            throw new UsageException("Use 'injixo-cloud-link service install [--user NAME]|uninstall|start|stop|restart|status'.");
        }

        if (action == "install")
        {
            invocation.AllowOnly("--user");
        }
        else
        {
            invocation.AllowOnly();
        }

        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        var (paths, config) = InstanceLoader.Load(invocation);
        switch (action)
        {
            case "install" when windows:
                if (invocation.Options.ContainsKey("--user"))
                {
                    throw new UsageException("--user is for Linux: on Windows the service runs as LocalSystem, as the MSI installs it.");
                }

                var installed = WindowsServices.Install(paths, config.Name, [.. AgentCommand(paths), "--service"]);
                Console.WriteLine($"Installed {installed.Unit} ({installed.UnitFile}). Start it with 'injixo-cloud-link service start'.");
                break;
            case "install":
                InstallSystemd(invocation, paths, config);
                break;
            case "uninstall":
                var removed = windows ? WindowsServices.Uninstall(paths) : SystemdServices.Uninstall(paths);
                Console.WriteLine($"Stopped and removed {removed.Unit}. The instance's files, logs and state stay in {paths.Folder}.");
                break;
            case "status":
                var state = windows ? WindowsServices.Status(paths) : SystemdServices.Status(paths);
                Console.WriteLine($"{state.Unit}: {state.ActiveState} ({state.SubState}){(state.MainPid > 0 ? $", PID {state.MainPid}" : "")}{(state.Since.Length > 0 ? $", since {state.Since}" : "")}");
                return state.IsActive ? ExitCodes.Ok : ExitCodes.ServiceNotRunning;
            default:
                var record = windows ? WindowsServices.Control(paths, action) : SystemdServices.Control(paths, action);
                Console.WriteLine($"{record.Unit}: {action} done.");
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Installs the unit to run as the service user (created when missing), and says what changed hands and what is left to do.</summary>
    private static void InstallSystemd(Invocation invocation, InstancePaths paths, AgentConfig config)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new ServiceException("'service install' needs root: it writes the unit to /etc/systemd/system and gives the instance's files to the service's user. Run it with sudo.");
        }

        var name = invocation.Options.GetValueOrDefault("--user", ServiceUser.DefaultName);
        var (account, created) = ServiceUser.Ensure(name, ProcessRunner.Instance);
        if (created)
        {
            Console.WriteLine($"Created the system user {account.Name} (uid {account.Uid}) for the service: no home, no login.");
        }

        if (account.Uid == 0)
        {
            Console.Error.WriteLine(
                "warning: the service runs as root, as asked for (--user root). Any flaw in the agent, an ODBC driver or a file it reads is then root's; " +
                $"without --user it runs as {ServiceUser.DefaultName}, which needs only read access to the import folder.");
        }

        var before = ServiceRecords.Load(paths);
        var (record, restarted) = SystemdServices.Install(paths, config.Name, AgentCommand(paths), account);
        Console.WriteLine($"Installed {record.Unit} ({record.UnitFile}) to run as {account.Name}.");
        if (before is not null && (before.User ?? "root") != account.Name)
        {
            Console.WriteLine($"Moved the instance from {before.User ?? "root"} to {account.Name}: its state and logs belong to {account.Name}, the config is root's and readable by the group {account.Name}.");
        }

        if (ServiceUser.ReadProblem(account, config.ImportDirectory, ProcessRunner.Instance) is { } problem)
        {
            Console.Error.WriteLine($"warning: {problem}");
        }

        Console.WriteLine(restarted
            ? $"It was running: restarted it as {account.Name}."
            : "Start it with 'injixo-cloud-link service start'.");
    }

    /// <summary>How systemd starts this instance: this executable (or 'dotnet' and this assembly) with the config's full path.</summary>
    private static List<string> AgentCommand(InstancePaths paths)
    {
        var process = Environment.ProcessPath ?? throw new ServiceException("The path of this executable is unknown; run it by its full path.");
        var command = new List<string> { process };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            command.Add(Path.GetFullPath(Environment.GetCommandLineArgs()[0]));
        }

        command.AddRange(["--config", paths.ConfigFile, "run"]);
        return command;
    }
}
