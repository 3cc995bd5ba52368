namespace CloudLink.Protocol;

/// <summary>What a linked agent is told about the integration it serves.</summary>
public sealed class IntegrationSettings
{
    public long IntegrationId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="IntegrationTypes"/>.</summary>
    public string Type { get; set; } = IntegrationTypes.Csv;

    public bool Paused { get; set; }

    /// <summary>For database integrations: what to import and when; null until set in the cloud.</summary>
    public DatabaseSettingsInfo? Database { get; set; }

    /// <summary>For CSV integrations: the files' expected shape; null until set in the cloud.</summary>
    public CsvSettingsInfo? Csv { get; set; }

    /// <summary>Largest upload the cloud accepts, in bytes.</summary>
    public long MaxUploadBytes { get; set; }
}
