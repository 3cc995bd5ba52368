namespace CloudLink.Core.Agent;

/// <summary>How often a linked agent talks to the cloud when it has nothing to upload.</summary>
public sealed record AgentTimings
{
    /// <summary>Settings (pause, revocation, deletion) are re-read at least this often.</summary>
    public TimeSpan SettingsRefresh { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after a database window ends it is read, for rows written late.</summary>
    public TimeSpan DatabaseGrace { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Database windows read per pass at most, so that stop and pause are noticed between them.</summary>
    public int DatabaseWindowsPerPass { get; init; } = 24;
}
