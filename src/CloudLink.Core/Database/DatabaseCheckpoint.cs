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

    /// <summary>
    /// The periods read as history chunks (a chunk ends at each midnight and at the period's end),
    /// so a window read again later gets the same bounds, and so the same key, as its first reading.
    /// Everything outside them was read in 15-minute windows.
    /// </summary>
    public List<ChunkedPeriod> Chunked { get; set; } = [];

    /// <summary>Content hashes of recent windows already acknowledged, so unchanged windows are not sent again.</summary>
    public List<UploadedWindow> Uploaded { get; set; } = [];
}

public sealed class UploadedWindow
{
    public string Key { get; set; } = "";
    public DateTime To { get; set; }
    public string Sha256 { get; set; } = "";
}

public sealed class ChunkedPeriod
{
    public DateTime From { get; set; }
    public DateTime To { get; set; }
}
