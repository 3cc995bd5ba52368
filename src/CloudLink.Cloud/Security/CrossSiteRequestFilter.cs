using CloudLink.Cloud.Api;
using CloudLink.Protocol;
using Microsoft.AspNetCore.Antiforgery;

namespace CloudLink.Cloud.Security;

/// <summary>
/// A change made with the session cookie must come from this cloud's own page: from its origin
/// (an Origin header, when the browser sends one, names this host) and with the antiforgery token
/// the page got from the session endpoint. A request with an API token carries no ambient
/// credential and needs neither.
/// </summary>
internal sealed class CrossSiteRequestFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || !PeopleClaims.FromCookie(context.User))
        {
            return await next(invocation);
        }

        if (!SameOrigin(context.Request))
        {
            return Refused($"A change from {context.Request.Headers.Origin} was refused: the page of this cloud makes changes only from its own origin.");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused($"The change was refused: it carries no valid antiforgery token. The page sends it in the {PeopleAuthentication.CsrfHeader} header; reload the page.");
        }

        return await next(invocation);
    }

    /// <summary>No Origin header (a same-origin request some browsers send without one), or one naming this scheme, host and port.</summary>
    internal static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 ||
               (Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
                string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static IResult Refused(string message) => ApiErrors.Error(StatusCodes.Status403Forbidden, ErrorCodes.CrossSiteRefused, message);
}
