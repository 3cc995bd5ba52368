namespace CloudLink.Core.Config;

/// <summary>The agent's settings after validation, with paths resolved against the instance folder.</summary>
public sealed class AgentConfig
{
    public const string DefaultName = "com.injixo.cloud-link";
    public const string DefaultCloudUrl = "https://www.injixo.com";

    /// <summary>[app] name: unique per instance on a host; names the service.</summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>[app] verbose: log per database query the row count and the first ten rows.</summary>
    public bool Verbose { get; init; }

    /// <summary>[app] importDirectory, resolved to an absolute path.</summary>
    public string ImportDirectory { get; init; } = "";

    /// <summary>[app] language: "auto" or one of en, de, nl, fr, es.</summary>
    public string Language { get; init; } = "auto";

    /// <summary>[cloud] url.</summary>
    public Uri CloudUrl { get; init; } = new(DefaultCloudUrl);

    /// <summary>Full path of the private CA file (cloud.caFile), or null for the system's trust.</summary>
    public string? CaFile { get; init; }

    /// <summary>[csv] settleSeconds: how long size and modification time must stay unchanged before upload.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>[csv] scanSeconds: how often the import folder is scanned.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>[database]: how to reach the local database; stays on this server.</summary>
    public DatabaseSettings Database { get; init; } = new();

    /// <summary>[log] level: debug, information, warning or error.</summary>
    public string LogLevel { get; init; } = "information";

    /// <summary>Keys in the file that this version does not know; reported as warnings, never dropped.</summary>
    public IReadOnlyList<ConfigWarning> Warnings { get; init; } = [];
}

/// <summary>The [database] table.</summary>
public sealed class DatabaseSettings
{
    public string Type { get; init; } = "";
    public string Connection { get; init; } = "";
    public string Driver { get; init; } = "";
    public string Host { get; init; } = "";
    public int Port { get; init; }
    public string Database { get; init; } = "";
    public string User { get; init; } = "";
    public string Password { get; init; } = "";
    public string Options { get; init; } = "";

    /// <summary>"cloud": the query the integration sets runs as it comes; "local": only once an operator approved that exact text here.</summary>
    public string QueryApproval { get; init; } = "cloud";

    public bool ApprovesLocally => QueryApproval == "local";

    public bool IsConfigured => Type.Length > 0;
}

/// <summary>Something in the file worth fixing that does not stop the agent, e.g. an unknown key.</summary>
public sealed record ConfigWarning(string Key, int Line, int Column, string Message);
