namespace CloudLink.Core.Instance;

/// <summary>
/// Where an instance keeps its files. One folder per instance holds the executable, the config,
/// the logs and the private state folder; everything is derived from the config file's folder.
/// </summary>
public sealed class InstancePaths
{
    public const string ExecutableName = "injixo-cloud-link";
    public const string ConfigFileName = "injixo-cloud-link.toml";
    public const string LogFileName = "injixo-cloud-link.log";
    public const string StateFolderName = "state";

    public InstancePaths(string configFile)
    {
        ConfigFile = Path.GetFullPath(configFile);
        Folder = Path.GetDirectoryName(ConfigFile)!;
    }

    /// <summary>The instance whose config sits next to the running executable.</summary>
    public static InstancePaths BesideExecutable() => new(Path.Combine(ExecutableFolder(), ConfigFileName));

    /// <summary>
    /// The agent's own folder. Not AppContext.BaseDirectory alone: a single file that unpacks its
    /// content at start (the Windows agent) has that in a temporary folder, far from its config.
    /// Run as an assembly by the dotnet host (tests), the assembly's folder.
    /// </summary>
    private static string ExecutableFolder()
    {
#if NET
        if (Environment.ProcessPath is { Length: > 0 } process
            && string.Equals(Path.GetFileNameWithoutExtension(process), ExecutableName, StringComparison.OrdinalIgnoreCase))
        {
            return Path.GetDirectoryName(process)!;
        }
#endif
        return AppContext.BaseDirectory;
    }

    public string Folder { get; }
    public string ConfigFile { get; }
    public string LogFile => Path.Combine(Folder, LogFileName);
    public string StateFolder => Path.Combine(Folder, StateFolderName);
    public string CredentialsFile => Path.Combine(StateFolder, "credentials.json");
    public string PinFile => Path.Combine(StateFolder, "pin.json");
    public string LedgerFile => Path.Combine(StateFolder, "imports.jsonl");

    /// <summary>Held locked by the running agent, the state's one writer.</summary>
    public string LockFile => Path.Combine(StateFolder, "agent.lock");

    /// <summary>The running agent's process id, beside the lock, for a second start to name.</summary>
    public string ProcessIdFile => Path.Combine(StateFolder, "agent.pid");

    /// <summary>Resolves a path from the config against the instance folder; '/' works on every system.</summary>
    public string Resolve(string path)
    {
        var native = path.Replace('/', Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.IsPathRooted(native) ? native : Path.Combine(Folder, native));
    }
}
