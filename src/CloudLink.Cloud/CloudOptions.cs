namespace CloudLink.Cloud;

/// <summary>Settings of the reference cloud, bound from the "Cloud" configuration section.</summary>
public sealed class CloudOptions
{
    /// <summary>Folder for the SQLite database and received file contents.</summary>
    public string DataDirectory { get; set; } = "cloud-data";

    /// <summary>SQLite database file; defaults to cloudlink-cloud.db in <see cref="DataDirectory"/>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL connection string (Host=...;Database=...); when set, the cloud keeps its records there instead of SQLite.</summary>
    public string? PostgreSql { get; set; }

    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public TimeSpan PinLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong PINs tolerated per integration within <see cref="AttemptWindow"/>; the next attempt gets 429.</summary>
    public int WrongPinLimitPerIntegration { get; set; } = 5;

    /// <summary>Wrong PINs tolerated across all integrations within <see cref="AttemptWindow"/>.</summary>
    public int WrongPinLimitGlobal { get; set; } = 100;

    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When set, the bound address (e.g. http://127.0.0.1:41234) is written here once listening.</summary>
    public string? AddressFile { get; set; }

    internal string ResolvedDatabasePath => DatabasePath ?? Path.Combine(DataDirectory, "cloudlink-cloud.db");

    internal string BlobDirectory => Path.Combine(DataDirectory, "blobs");
}
