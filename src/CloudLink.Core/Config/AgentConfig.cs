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

    /// <summary>[cloud] url.</summary>
    public Uri CloudUrl { get; init; } = new(DefaultCloudUrl);

    /// <summary>[csv] settleSeconds: how long size and modification time must stay unchanged before upload.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>[csv] scanSeconds: how often the import folder is scanned.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Keys in the file that this version does not know; reported as warnings, never dropped.</summary>
    public IReadOnlyList<string> UnknownKeys { get; init; } = [];
}
