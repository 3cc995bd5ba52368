using System.Text;
using System.Text.Encodings.Web;
using CloudLink.Cloud.Accounts;
using CloudLink.Cloud.Security;
using CloudLink.Protocol;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CloudLink.Cloud.Api;

/// <summary>
/// The pages for people: sign-in and sign-out (forms with an antiforgery token), and the
/// integrations page, which is static HTML with its own script and style (no inline code, so the
/// Content-Security-Policy can forbid it).
/// </summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect(PeopleRoutes.Page));
        app.MapGet(PeopleRoutes.SignIn, (HttpContext context, IAntiforgery antiforgery) => SignInPage(context, antiforgery, message: null));
        app.MapPost(PeopleRoutes.SignIn, SignInAsync).RequireRateLimiting(RateLimits.SignIn);
        app.MapPost(PeopleRoutes.SignOut, SignOutAsync);
        app.MapGet(PeopleRoutes.Page, () => Resource("integrations.html", "text/html; charset=utf-8"))
            .RequireAuthorization(PeopleAuthentication.Policy);
        app.MapGet("/account/integrations.js", () => Resource("integrations.js", "text/javascript; charset=utf-8"));
        app.MapGet("/account/cloud.css", () => Resource("cloud.css", "text/css; charset=utf-8"));
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, AccountStore accounts)
    {
        if (!context.Request.HasFormContentType)
        {
            return ApiErrors.BadRequest("Send the sign-in form (email and password).");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return SignInPage(context, antiforgery, "The form was too old or came from another site. Sign in again.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync();
        var email = form["email"].ToString();
        var password = form["password"].ToString();
        var user = email.Length is > 0 and <= 254 && password.Length is > 0 and <= 1024 ? accounts.CheckPassword(email, password) : null;
        if (user is null)
        {
            return SignInPage(context, antiforgery, "The email or the password is wrong.", StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(PeopleAuthentication.CookieScheme, PeopleClaims.Principal(user, PeopleAuthentication.CookieScheme));
        return Results.Redirect(PeopleRoutes.Page);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return ApiErrors.Error(StatusCodes.Status403Forbidden, ErrorCodes.CrossSiteRefused, "Sign out from the integrations page.");
        }

        await context.SignOutAsync(PeopleAuthentication.CookieScheme);
        return Results.Redirect(PeopleRoutes.SignIn);
    }

    private static IResult SignInPage(HttpContext context, IAntiforgery antiforgery, string? message, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var page = Template("sign-in.html")
            .Replace("{{field}}", HtmlEncoder.Default.Encode(tokens.FormFieldName), StringComparison.Ordinal)
            .Replace("{{token}}", HtmlEncoder.Default.Encode(tokens.RequestToken ?? ""), StringComparison.Ordinal)
            .Replace("{{message}}", message is null ? "" : HtmlEncoder.Default.Encode(message), StringComparison.Ordinal);
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static IResult Resource(string name, string contentType) => Results.Content(Template(name), contentType, Encoding.UTF8);

    private static string Template(string name)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("CloudLink.Cloud.Web." + name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
