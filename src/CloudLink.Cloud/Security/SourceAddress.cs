namespace CloudLink.Cloud.Security;

/// <summary>The address a request came from, for the limits per source (the TCP peer; a proxy in front is one source).</summary>
internal static class SourceAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
