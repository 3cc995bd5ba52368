using System.Management.Automation;
using CloudLink.Core;
using CloudLink.Core.Cloud;
using CloudLink.Core.Config;
using CloudLink.Core.Install;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;
using CloudLink.Core.Proxy;
using CloudLink.Core.State;

namespace CloudLink.PowerShell.Support;

/// <summary>
/// What every CloudLink cmdlet shares: the host's instances, resolving the instance a command is
/// for, and errors as ErrorRecords with stable ids ("CloudLink.FolderInUse", ...) and categories.
/// </summary>
public abstract class CloudLinkCmdlet : PSCmdlet
{
    internal static IProcessRunner Runner => ProcessRunner.Instance;

    internal static InstanceCatalog Catalog => new(HostRoot.Current);

    internal static AgentCli Agent => new(Runner);

    /// <summary>
    /// The instance a command acts on: the given config (a folder means its injixo-cloud-link.toml),
    /// or the only instance on the host when none is given.
    /// </summary>
    internal InstanceLocation ResolveInstance(string? configPath)
    {
        if (string.IsNullOrEmpty(configPath))
        {
            var installed = Catalog.Find();
            return installed.Count == 1
                ? installed[0]
                : throw new InstallException(installed.Count == 0
                    ? "No CloudLink instance is installed on this host. Pass -ConfigPath, or install one with Install-CloudLinkInstance."
                    : $"This host has {installed.Count} instances ({string.Join(", ", installed.Select(i => i.AppName))}). Pass -ConfigPath, or pipe the one you mean from Get-CloudLinkInstance.")
                { Reason = "InstanceNotChosen" };
        }

        var path = GetUnresolvedProviderPathFromPSPath(configPath);
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, InstancePaths.ConfigFileName);
        }

        var comparison = InstanceCatalog.IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var known = Catalog.Find().FirstOrDefault(i => string.Equals(i.Paths.ConfigFile, Path.GetFullPath(path), comparison));
        return known ?? InstanceLocation.FromConfig(path);
    }

    /// <summary>Runs <paramref name="action"/>, turning CloudLink's exceptions into error records (terminating or not).</summary>
    internal void Guard(object? target, Action action, bool terminating = false)
    {
        try
        {
            action();
        }
        catch (Exception e) when (Classify(e) is { } error)
        {
            var record = new ErrorRecord(e, "CloudLink." + error.Id, error.Category, target);
            if (terminating)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }
    }

    private static (string Id, ErrorCategory Category)? Classify(Exception e) => e switch
    {
        InstallException install => (install.Reason, install.Reason switch
        {
            "FolderInUse" or "NameInUse" => ErrorCategory.ResourceExists,
            "MsiNotFound" or "ArchiveNotFound" => ErrorCategory.ObjectNotFound,
            "InstallerBusy" => ErrorCategory.ResourceBusy,
            "InstanceNotChosen" => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.InvalidOperation,
        }),
        ConfigException => ("ConfigInvalid", ErrorCategory.InvalidData),
        CloudException => ("CloudRefused", ErrorCategory.ConnectionError),
        CloudUnreachableException => ("CloudUnreachable", ErrorCategory.ConnectionError),
        ProxyException => ("ProxyInvalid", ErrorCategory.InvalidArgument),
        StateException => ("StateUnreadable", ErrorCategory.ReadError),
        AgentCommandException agent => (agent.ExitCode switch
        {
            ExitCodes.ServiceProblem => "ServiceFailed",
            ExitCodes.ServiceNotRunning => "ServiceNotRunning",
            ExitCodes.CloudProblem => "CloudUnreachable",
            ExitCodes.ConfigInvalid => "ConfigInvalid",
            ExitCodes.StateProblem => "StateUnreadable",
            _ => "AgentFailed",
        }, ErrorCategory.InvalidOperation),
        ArgumentException => ("InvalidArgument", ErrorCategory.InvalidArgument),
        UnauthorizedAccessException => ("AccessDenied", ErrorCategory.PermissionDenied),
        IOException => ("FileError", ErrorCategory.WriteError),
        InvalidOperationException => ("CommandFailed", ErrorCategory.InvalidOperation),
        _ => null,
    };
}
