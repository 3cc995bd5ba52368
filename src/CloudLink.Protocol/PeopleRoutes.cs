namespace CloudLink.Protocol;

/// <summary>Paths of the people-side API (what the web page uses). See docs/protocol.md.</summary>
public static class PeopleRoutes
{
    public const string Integrations = "/api/v1/integrations";
    public const string Agents = "/api/v1/agents";
    public const string Received = "/api/v1/received";
    public const string ReceivedWindows = "/api/v1/received-windows";
    public const string UploadMetrics = "/api/v1/metrics/uploads";
}
