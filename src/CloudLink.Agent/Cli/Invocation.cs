namespace CloudLink.Agent.Cli;

/// <summary>A parsed command line: the command words, its options, and the global --config.</summary>
internal sealed class Invocation
{
    public List<string> Words { get; } = [];
    /// <summary>Options that take a value: --name VALUE or --name=VALUE.</summary>
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--connection", "--sql", "--type", "--from", "--to", "--output", "--timeout",
        "--user", "--password", "--no-proxy", "--older-than", "--keep", "--sha256",
        "--delimiter", "--encoding", "--timestamp-format",
    };

    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);
    public string? ConfigPath { get; set; }
    public bool Help { get; set; }

    public string Command => Words.Count > 0 ? Words[0] : "";

    /// <summary>Parses arguments; throws <see cref="UsageException"/> for an option that needs a value and has none.</summary>
    public static Invocation Parse(IReadOnlyList<string> args)
    {
        var invocation = new Invocation();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h" or "-?" or "/?":
                    invocation.Help = true;
                    break;
                case "--config" or "-c":
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException("--config needs a path, e.g. --config /opt/injixo-cloud-link/injixo-cloud-link.toml");
                    }

                    invocation.ConfigPath = args[++i];
                    break;
                default:
                    var equals = arg.IndexOf('=', StringComparison.Ordinal);
                    var name = equals > 0 ? arg[..equals] : arg;
                    if (arg.StartsWith("--config=", StringComparison.Ordinal))
                    {
                        invocation.ConfigPath = arg["--config=".Length..];
                    }
                    else if (ValueOptions.Contains(name))
                    {
                        if (equals < 0 && i + 1 >= args.Count)
                        {
                            throw new UsageException($"{name} needs a value.");
                        }

                        invocation.Options[name] = equals > 0 ? arg[(equals + 1)..] : args[++i];
                    }
                    else if (arg.StartsWith('-'))
                    {
                        invocation.Flags.Add(arg);
                    }
                    else
                    {
                        invocation.Words.Add(arg);
                    }

                    break;
            }
        }

        return invocation;
    }

    /// <summary>Refuses options the command does not know, naming them.</summary>
    public void AllowOnly(params string[] known)
    {
        var unknown = Flags.Concat(Options.Keys).Where(flag => !known.Contains(flag)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"'{Command}' does not know {string.Join(", ", unknown)}. See 'injixo-cloud-link {Command} --help'.");
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);
