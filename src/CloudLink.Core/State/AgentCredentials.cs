namespace CloudLink.Core.State;

/// <summary>
/// The agent's own secret and what it is linked to. The secret is generated on this host and is
/// never printed or logged; the cloud keeps only its hash.
/// </summary>
public sealed class AgentCredentials
{
    public int Version { get; set; } = 1;
    public string Secret { get; set; } = "";

    /// <summary>The cloud the secret belongs to; another cloud address in the config means pairing again.</summary>
    public string CloudUrl { get; set; } = "";

    public bool Linked { get; set; }
    public long? AgentId { get; set; }
    public long? IntegrationId { get; set; }
    public string? IntegrationName { get; set; }
    public DateTimeOffset? LinkedAt { get; set; }

    public override string ToString() =>
        Linked ? $"agent {AgentId} linked to integration {IntegrationId} ({IntegrationName})" : "not linked";
}
