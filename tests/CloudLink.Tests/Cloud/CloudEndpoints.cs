using System.Text.RegularExpressions;
using CloudLink.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudLink.Tests.Cloud;

/// <summary>One endpoint of the running cloud: its method and route pattern, e.g. DELETE /api/v1/integrations/{id:long}.</summary>
public sealed partial record CloudEndpoint(string Method, string Pattern)
{
    /// <summary>Anyone may call these: the sign-in and sign-out forms, the page's script and style, the redirect to the page, and the health check.</summary>
    private static readonly string[] OpenToAll =
        ["/", "/healthz", "/account/sign-in", "/account/sign-out", "/account/integrations.js", "/account/cloud.css"];

    public bool IsAgentSide => Pattern.StartsWith("/api/agent/", StringComparison.Ordinal);

    public bool IsPeopleSide => !IsAgentSide && !OpenToAll.Contains(Pattern);

    public bool TakesId => Pattern.Contains('{', StringComparison.Ordinal);

    public bool ChangesSomething => Method is not ("GET" or "HEAD");

    /// <summary>The path with every route parameter set to <paramref name="id"/>.</summary>
    public string Path(long id) => RouteParameter().Replace(Pattern, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>Every endpoint the app maps, from its own endpoint list, so that a new one cannot be missed.</summary>
    public static List<CloudEndpoint> All(CloudServer cloud) => cloud.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(method => new CloudEndpoint(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))))
        .Distinct()
        .OrderBy(endpoint => endpoint.Pattern, StringComparer.Ordinal)
        .ThenBy(endpoint => endpoint.Method, StringComparer.Ordinal)
        .ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
