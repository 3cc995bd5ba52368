namespace CloudLink.Protocol;

/// <summary>What a database integration imports and when: set on the integration in the cloud.</summary>
public sealed class DatabaseSettingsInfo
{
    /// <summary>interval, contact or agentstatus.</summary>
    public string DataType { get; set; } = "interval";

    /// <summary>The SQL query; it must return the data type's columns.</summary>
    public string Query { get; set; } = "";

    /// <summary>The database's time zone (IANA name, e.g. Europe/Berlin); the query's timestamps are in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often the import runs: 15, 30 or 60 minutes, aligned to the clock.</summary>
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>Agent status only: read the current window every 10 seconds.</summary>
    public bool RealTime { get; set; }

    /// <summary>Re-read the last 24 hours every run so later corrections reach the cloud (default on for agent status).</summary>
    public bool? Reconciliation { get; set; }

    /// <summary>History read on first connection, in days (at most three years).</summary>
    public int BackfillDays { get; set; } = 1095;

    /// <summary>
    /// An ODBC connection string used when the agent's config gives none; leave empty to keep it
    /// on the server. Write-only for people: it reaches the agent, but no people endpoint returns it
    /// (see <see cref="ConnectionSet"/>). Omitted in an update, the one set before is kept; "" removes it.
    /// </summary>
    public string? Connection { get; set; }

    /// <summary>Set by the cloud in what it returns: whether a connection string is stored.</summary>
    public bool ConnectionSet { get; set; }

    /// <summary>Set by the cloud in what it returns: the SHA-256 (hex) of the query's UTF-8 text, as the change log records it.</summary>
    public string? QuerySha256 { get; set; }
}

/// <summary>A window of database rows the cloud received (latest version per window key counts).</summary>
public sealed class ReceivedWindowInfo
{
    public long Id { get; set; }
    public long IntegrationId { get; set; }
    public string WindowKey { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public long Rows { get; set; }
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
