namespace CloudLink.Protocol;

/// <summary>Paths of the people-side API (what the web page uses). See docs/protocol.md.</summary>
public static class PeopleRoutes
{
    public const string Integrations = "/api/v1/integrations";
    public const string Agents = "/api/v1/agents";
    public const string Received = "/api/v1/received";
    public const string ReceivedWindows = "/api/v1/received-windows";
    public const string UploadMetrics = "/api/v1/metrics/uploads";

    /// <summary>Who is signed in (and the page's antiforgery token).</summary>
    public const string Session = "/api/v1/session";

    /// <summary>The signed-in user's personal API tokens.</summary>
    public const string Tokens = "/api/v1/tokens";

    /// <summary>The page's sign-in form (GET shows it, POST signs in) and sign-out (POST).</summary>
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string Page = "/account/integrations";
}
