namespace CloudLink.Protocol;

/// <summary>Answer to a PIN request and to a link poll.</summary>
public sealed class PairingStatus
{
    /// <summary>One of <see cref="PairingState"/>.</summary>
    public string State { get; set; } = PairingState.Waiting;

    /// <summary>The current PIN while waiting; null once linked or expired.</summary>
    public string? Pin { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public long? AgentId { get; set; }
    public long? IntegrationId { get; set; }
    public string? IntegrationName { get; set; }
}
