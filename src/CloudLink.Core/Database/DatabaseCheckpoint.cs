namespace CloudLink.Core.Database;

/// <summary>
/// Where the database import stands, kept in state/database.json and advanced only after the
/// cloud acknowledged a window.
/// </summary>
public sealed class DatabaseCheckpoint
{
    public int Version { get; set; } = 1;
    public long IntegrationId { get; set; }
    public string DataType { get; set; } = "";

    /// <summary>Start (database local time) of the next window not yet acknowledged.</summary>
    public DateTime Next { get; set; }

    /// <summary>Where the first connection's history started, for progress.</summary>
    public DateTime BackfillFrom { get; set; }

    /// <summary>True once the history was read up to the last 24 hours.</summary>
    public bool BackfillComplete { get; set; }

    /// <summary>The cadence boundary up to which the last 24 hours were last reconciled.</summary>
    public DateTime? ReconciledUntil { get; set; }

    /// <summary>When the agent saw the integration paused (UTC); cleared on resume.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Content hashes of recent windows already acknowledged, so unchanged windows are not sent again.</summary>
    public List<UploadedWindow> Uploaded { get; set; } = [];
}

public sealed class UploadedWindow
{
    public string Key { get; set; } = "";
    public DateTime To { get; set; }
    public string Sha256 { get; set; } = "";
}
