using CloudLink.Agent.Cli;
using CloudLink.Core.Config;

namespace CloudLink.Agent.Commands;

/// <summary>'config get KEY' and 'config set KEY VALUE [--string]'.</summary>
internal static class ConfigCommand
{
    public static int Run(Invocation invocation)
    {
        var paths = InstanceLoader.Paths(invocation);
        var action = invocation.Words.Count > 1 ? invocation.Words[1] : "";
        switch (action)
        {
            case "get" when invocation.Words.Count == 3:
                {
                    invocation.AllowOnly();
                    var (value, isDefault) = ConfigFile.Get(paths, invocation.Words[2]);
                    Console.WriteLine(ConfigFile.Format(value));
                    if (isDefault)
                    {
                        Console.Error.WriteLine($"({invocation.Words[2]} is not set in {paths.ConfigFile}; this is the default.)");
                    }

                    return ExitCodes.Ok;
                }

            case "set" when invocation.Words.Count == 4:
                {
                    invocation.AllowOnly("--string");
                    var key = invocation.Words[2];
                    var value = ConfigFile.ParseValue(invocation.Words[3], invocation.Flags.Contains("--string"));
                    var change = ConfigFile.Set(paths, key, value);
                    if (change.CreatedFile)
                    {
                        Console.Error.WriteLine($"Created {paths.ConfigFile} from the default.");
                    }

                    Console.WriteLine($"{key} = {ConfigFile.Format(change.NewValue)} (was {ConfigFile.Format(change.OldValue)}). Restart the service for the change to take effect.");
                    return ExitCodes.Ok;
                }

            default:
                throw new UsageException("Use 'injixo-cloud-link config get KEY' or 'injixo-cloud-link config set KEY VALUE [--string]'; see 'injixo-cloud-link config --help'.");
        }
    }
}
