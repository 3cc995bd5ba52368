using CloudLink.Cloud.Api;
using CloudLink.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CloudLink.Cloud.Security;

/// <summary>
/// Two ways in for people, one policy: the page's session cookie (sign-in with email and
/// password) or a personal API token in "Authorization: Bearer". The agent-side API has its own
/// credential and does not use these.
/// </summary>
internal static class PeopleAuthentication
{
    public const string Scheme = "People";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string TokenScheme = "ApiToken";
    public const string Policy = "people";
    public const string CsrfHeader = "X-CSRF-TOKEN";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Session cookie or API token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? TokenScheme : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(TokenScheme, null)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "cloudlink.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = PeopleRoutes.SignIn;
                options.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => PeopleClaims.HasAccount(context.User)));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfHeader;
            options.Cookie.Name = "cloudlink.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    public static Task WriteUnauthenticatedAsync(HttpContext context, string message) =>
        ApiErrors.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, message).ExecuteAsync(context);

    /// <summary>The API answers 401 with a reason; a page is sent to the sign-in form.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return status == StatusCodes.Status401Unauthorized
            ? WriteUnauthenticatedAsync(context.HttpContext,
                $"Sign in on {PeopleRoutes.SignIn}, or send a personal API token as 'Authorization: Bearer <token>' (create one with 'cloudlink-cloud token create EMAIL').")
            : ApiErrors.Error(status, ErrorCodes.Unauthenticated, "This account may not do that.").ExecuteAsync(context.HttpContext);
    }
}
