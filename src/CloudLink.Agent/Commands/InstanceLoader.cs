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
        if (ConfigLoader.CreateDefaultIfMissing(paths))
        {
            Console.Error.WriteLine($"Created the default config {paths.ConfigFile}.");
        }

        var config = ConfigLoader.Load(paths);
        foreach (var warning in config.Warnings)
        {
            Console.Error.WriteLine($"warning: {paths.ConfigFile}:{warning.Line}:{warning.Column}: {warning.Message}.");
        }

        return (paths, config);
    }
}
