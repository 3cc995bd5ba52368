using CloudLink.Core.State;

namespace CloudLink.Core.Instance;

/// <summary>Fills an <see cref="InstanceInfo"/>: service state and version from the instance's agent, link state from its credentials.</summary>
public sealed class InstanceInspector(AgentCli agent)
{
    public InstanceInfo Describe(InstanceLocation instance)
    {
        var info = new InstanceInfo
        {
            Name = instance.AppName,
            Number = instance.Number,
            Folder = instance.Paths.Folder,
            ConfigPath = instance.Paths.ConfigFile,
            Executable = instance.Executable,
            Service = instance.Service,
            LogPath = instance.Paths.LogFile,
        };
        if (!File.Exists(instance.Executable))
        {
            info.State = "Missing";
            return info;
        }

        var status = agent.Run(instance, "service", "status");
        info.State = status.ExitCode switch
        {
            0 => "Running",
            ExitCodes.ServiceNotRunning when status.Output.Contains("failed", StringComparison.OrdinalIgnoreCase) => "Failed",
            ExitCodes.ServiceNotRunning => "Stopped",
            ExitCodes.ServiceProblem when (status.Error + status.Output).Contains("No service is installed", StringComparison.Ordinal) => "NotInstalled",
            _ => "Unknown",
        };
        var version = agent.Run(instance, "version");
        info.Version = version.ExitCode == 0 ? version.Output.Trim().Split(' ').Last() : null;
        try
        {
            var credentials = new CredentialStore(instance.Paths).Read();
            info.Linked = credentials?.Linked == true;
            info.IntegrationId = credentials?.IntegrationId;
            info.IntegrationName = credentials?.IntegrationName;
        }
        catch (Exception e) when (e is StateException or UnauthorizedAccessException or IOException)
        {
            // Unreadable without rights (the state is private to the service account): the link stays unknown.
        }

        return info;
    }
}
