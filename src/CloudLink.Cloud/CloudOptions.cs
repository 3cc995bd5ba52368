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

    /// <summary>Wrong PINs tolerated per account (all its integrations) within <see cref="AttemptWindow"/>.</summary>
    public int WrongPinLimitPerAccount { get; set; } = 20;

    /// <summary>Wrong PINs tolerated per source address within <see cref="AttemptWindow"/>.</summary>
    public int WrongPinLimitPerAddress { get; set; } = 20;

    /// <summary>The sliding window of the PIN and sign-in limits.</summary>
    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sign-in attempts per source address within <see cref="AttemptWindow"/>.</summary>
    public int SignInAttemptsPerAddress { get; set; } = 20;

    /// <summary>PIN requests by agents per source address within <see cref="PairingRequestWindow"/> (an agent asks once per PIN lifetime).</summary>
    public int PairingRequestsPerAddress { get; set; } = 60;

    public TimeSpan PairingRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Live PINs the cloud holds at most: 0.2 % of the million six-digit PINs, so guessing one stays hopeless.</summary>
    public int MaxLivePins { get; set; } = 2000;

    /// <summary>Connections Kestrel accepts at once.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>When set, the bound address (e.g. http://127.0.0.1:41234) is written here once listening.</summary>
    public string? AddressFile { get; set; }

    internal string ResolvedDatabasePath => DatabasePath ?? Path.Combine(DataDirectory, "cloudlink-cloud.db");

    internal string BlobDirectory => Path.Combine(DataDirectory, "blobs");
}
