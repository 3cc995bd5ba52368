using System.Runtime.InteropServices;
using CloudLink.Agent.Cli;
using CloudLink.Core.Instance;
using CloudLink.Core.Service;
using CloudLink.Core.Service.Windows;

namespace CloudLink.Agent.Commands;

/// <summary>'service install | uninstall | start | stop | restart | status' for this instance (systemd on Linux).</summary>
internal static class ServiceCommand
{
    public static int Run(Invocation invocation)
    {
        invocation.AllowOnly();
        var action = invocation.Words.Count == 2 ? invocation.Words[1] : "";
        if (action is not ("install" or "uninstall" or "start" or "stop" or "restart" or "status"))
        {
            throw new UsageException("Use 'injixo-cloud-link service install|uninstall|start|stop|restart|status'.");
        }

        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        var (paths, config) = InstanceLoader.Load(invocation);
        switch (action)
        {
            case "install":
                var installed = windows
                    ? WindowsServices.Install(paths, config.Name, [.. AgentCommand(paths), "--service"])
                    : SystemdServices.Install(paths, config.Name, AgentCommand(paths));
                Console.WriteLine($"Installed {installed.Unit} ({installed.UnitFile}). Start it with 'injixo-cloud-link service start'.");
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
