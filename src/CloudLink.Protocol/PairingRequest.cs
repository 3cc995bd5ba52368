namespace CloudLink.Protocol;

/// <summary>
/// Sent by an unlinked agent to get a PIN. The agent authenticates with the secret it generated
/// itself (Authorization: Bearer); the cloud keeps only its hash, so the secret never leaves the
/// host in a response.
/// </summary>
public sealed class PairingRequest
{
    public string HostName { get; set; } = "";
    public string InstanceName { get; set; } = "";
    public string AgentVersion { get; set; } = "";
}
