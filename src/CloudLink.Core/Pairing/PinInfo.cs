namespace CloudLink.Core.Pairing;

/// <summary>Output of Get-CloudLinkPin: the PIN to enter on the integration's page, or the link it already has.</summary>
public sealed class PinInfo
{
    public string Instance { get; set; } = "";
    public string Folder { get; set; } = "";
    public bool Linked { get; set; }
    public long? IntegrationId { get; set; }
    public string? IntegrationName { get; set; }
    public string? Pin { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public string? Banner { get; set; }
}
