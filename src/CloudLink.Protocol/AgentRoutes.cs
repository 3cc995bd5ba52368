namespace CloudLink.Protocol;

/// <summary>Paths of the agent-side API. See docs/protocol.md.</summary>
public static class AgentRoutes
{
    public const string Pairing = "/api/agent/v1/pairing";
    public const string Settings = "/api/agent/v1/settings";
    public const string Heartbeat = "/api/agent/v1/heartbeat";
    public const string Files = "/api/agent/v1/files";

    /// <summary>POST {Files}/{id}/check: the agent's check of a file it uploaded (a <see cref="CsvCheckReport"/>).</summary>
    public const string FileCheckSuffix = "/check";
    public const string Windows = "/api/agent/v1/windows";

    /// <summary>Query parameter names of an upload.</summary>
    public const string FileNameParameter = "name";
    public const string Sha256Parameter = "sha256";

    /// <summary>Query parameter names of a database window upload.</summary>
    public const string WindowKeyParameter = "key";
    public const string WindowFromParameter = "from";
    public const string WindowToParameter = "to";
    public const string WindowRowsParameter = "rows";
}
