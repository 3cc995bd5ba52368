namespace CloudLink.Core.Instance;

/// <summary>One instance as Get-CloudLinkInstance and the scripts show it.</summary>
public sealed class InstanceInfo
{
    public string Name { get; set; } = "";

    /// <summary>0 for the default instance, N for instance.N, null for another name.</summary>
    public int? Number { get; set; }

    public string Folder { get; set; } = "";

    public string ConfigPath { get; set; } = "";

    public string Executable { get; set; } = "";

    public string Service { get; set; } = "";

    /// <summary>Running, Stopped, Failed, NotInstalled or Unknown.</summary>
    public string State { get; set; } = "Unknown";

    public bool Linked { get; set; }

    public long? IntegrationId { get; set; }

    public string? IntegrationName { get; set; }

    public string? Version { get; set; }

    public string LogPath { get; set; } = "";

    /// <summary>The PIN to link the instance, when the installer fetched one.</summary>
    public string? Pin { get; set; }

    public DateTimeOffset? PinExpiresAt { get; set; }
}
