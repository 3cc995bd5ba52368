using CloudLink.Agent.Cli;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;

namespace CloudLink.Agent.Commands;

internal static class InstanceLoader
{
    public static InstancePaths Paths(Invocation invocation) =>
        invocation.ConfigPath is null ? InstancePaths.BesideExecutable() : new InstancePaths(invocation.ConfigPath);

    /// <summary>Loads the config; a missing file is created from the commented default first.</summary>
    public static (InstancePaths Paths, AgentConfig Config) Load(Invocation invocation)
    {
        var paths = Paths(invocation);
        CreateDefaultIfMissing(paths);
        return (paths, LoadConfig(paths));
    }

    /// <summary>
    /// The same for a command that reads or writes the instance's state: run by root on an instance
    /// that belongs to a service user, the rest of the command runs as that user (see <see cref="InstanceOwner"/>).
    /// </summary>
    public static (InstancePaths Paths, AgentConfig Config) LoadAsOwner(Invocation invocation)
    {
        var paths = PathsAsOwner(invocation);
        return (paths, LoadConfig(paths));
    }

    /// <summary>The instance's paths, having become its user when root (the default config, if missing, is root's).</summary>
    public static InstancePaths PathsAsOwner(Invocation invocation)
    {
        var paths = Paths(invocation);
        CreateDefaultIfMissing(paths);
        InstanceOwner.BecomeIfRoot(paths);
        return paths;
    }

    private static void CreateDefaultIfMissing(InstancePaths paths)
    {
        if (ConfigLoader.CreateDefaultIfMissing(paths))
        {
            Console.Error.WriteLine($"Created the default config {paths.ConfigFile}.");
        }
    }

    private static AgentConfig LoadConfig(InstancePaths paths)
    {
        var config = ConfigLoader.Load(paths);
        foreach (var warning in config.Warnings)
        {
            Console.Error.WriteLine($"warning: {paths.ConfigFile}:{warning.Line}:{warning.Column}: {warning.Message}.");
        }

        return config;
    }
}
