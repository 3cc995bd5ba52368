namespace CloudLink.Protocol;

public sealed class CreateIntegrationRequest
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = IntegrationTypes.Csv;
}

public sealed class IntegrationInfo
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Type { get; set; } = IntegrationTypes.Csv;
    public bool Paused { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public DatabaseSettingsInfo? Database { get; set; }

    /// <summary>For CSV integrations: the files' expected shape, as the agent checks them; null until set.</summary>
    public CsvSettingsInfo? Csv { get; set; }
}

public sealed class PinRequest
{
    public string Pin { get; set; } = "";
}

/// <summary>Who is behind a PIN: shown to the person before they click Connect.</summary>
public sealed class PinPreview
{
    public string HostName { get; set; } = "";
    public string InstanceName { get; set; } = "";
    public string AgentVersion { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

public sealed class AgentInfo
{
    public long Id { get; set; }
    public long IntegrationId { get; set; }
    public string HostName { get; set; } = "";
    public string InstanceName { get; set; } = "";
    public string AgentVersion { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public int Backlog { get; set; }
}

public sealed class ReceivedFileInfo
{
    public long Id { get; set; }
    public long IntegrationId { get; set; }
    public long AgentId { get; set; }
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>What the agent's check of the file found before it was sent; null if it sent none.</summary>
    public CsvCheckReport? Check { get; set; }
}

/// <summary>What the cloud measured of the uploads it answered since it started: counts and latency from request to acknowledgement.</summary>
public sealed class UploadMetricsInfo
{
    public long Uploads { get; set; }
    public long Stored { get; set; }
    public long Duplicates { get; set; }
    public long Refused { get; set; }
    public double P50Milliseconds { get; set; }
    public double P99Milliseconds { get; set; }
    public double MaxMilliseconds { get; set; }
}
