namespace CloudLink.Core.State;

/// <summary>Values of <see cref="LedgerEntry.Result"/>.</summary>
public static class LedgerResult
{
    /// <summary>Uploaded and stored by the cloud.</summary>
    public const string Stored = "stored";

    /// <summary>The cloud already held the content (e.g. acknowledged before a crash); nothing sent again.</summary>
    public const string AlreadyInCloud = "already-in-cloud";

    /// <summary>The same content was imported earlier under another name; not imported again.</summary>
    public const string SameContent = "same-content";
}

/// <summary>One line of the import ledger: a file the cloud has acknowledged, or recognised as known.</summary>
public sealed class LedgerEntry
{
    public long IntegrationId { get; set; }
    public string Sha256 { get; set; } = "";
    public string Name { get; set; } = "";
    public long Size { get; set; }

    /// <summary>Last write time of the file when it was hashed, in UTC ticks.</summary>
    public long ModifiedTicks { get; set; }

    public DateTimeOffset At { get; set; }
    public string Result { get; set; } = LedgerResult.Stored;
    public long? CloudFileId { get; set; }
}
