namespace CloudLink.Protocol;

/// <summary>Paths of the agent-side API. See docs/protocol.md.</summary>
public static class AgentRoutes
{
    public const string Pairing = "/api/agent/v1/pairing";
    public const string Settings = "/api/agent/v1/settings";
    public const string Heartbeat = "/api/agent/v1/heartbeat";
    public const string Files = "/api/agent/v1/files";

    /// <summary>Query parameter names of an upload.</summary>
    public const string FileNameParameter = "name";
    public const string Sha256Parameter = "sha256";
}
