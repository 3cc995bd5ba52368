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

            case "set" when invocation.Words.Count is 3 or 4:
                {
                    invocation.AllowOnly("--string", "--stdin");
                    var key = invocation.Words[2];
                    var fromInput = invocation.Flags.Contains("--stdin") || invocation.Words.Count == 3;
                    if (fromInput && invocation.Words.Count == 4)
                    {
                        throw new UsageException("Give the value either on the command line or with --stdin, not both.");
                    }

                    var text = fromInput
                        ? SecretInput.Read($"{key}: ", $"No value for {key} came on standard input.")
                        : invocation.Words[3];
                    var value = ConfigFile.ParseValue(text, invocation.Flags.Contains("--string") || fromInput);
                    if (!fromInput && ConfigSecrets.IsSecret(key, value))
                    {
                        Console.Error.WriteLine($"Warning: the value of {key} was given on the command line, where other users can see it (ps, /proc) and the shell keeps it in its history. " +
                                                $"Next time leave the value out: 'config set {key}' asks for it without echoing, or reads it from standard input with --stdin.");
                    }

                    var change = ConfigFile.Set(paths, key, value);
                    if (change.CreatedFile)
                    {
                        Console.Error.WriteLine($"Created {paths.ConfigFile} from the default.");
                    }

                    Console.WriteLine($"{key} = {ConfigFile.Format(change.NewValue)} (was {ConfigFile.Format(change.OldValue)}). Restart the service for the change to take effect.");
                    return ExitCodes.Ok;
                }

            default:
                throw new UsageException("Use 'injixo-cloud-link config get KEY', 'config set KEY VALUE [--string]', or 'config set KEY [--stdin]' for a secret; see 'injixo-cloud-link config --help'.");
        }
    }
}
