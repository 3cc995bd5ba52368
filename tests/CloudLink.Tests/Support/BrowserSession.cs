using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CloudLink.Protocol;

namespace CloudLink.Tests.Support;

/// <summary>
/// A person signed in on the page the way a browser does it: the sign-in form with its
/// antiforgery field, a cookie jar, and the antiforgery token the page then sends with changes.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    private BrowserSession(HttpClient http, string csrfToken)
    {
        Http = http;
        CsrfToken = csrfToken;
    }

    /// <summary>A client holding the session and antiforgery cookies (no API token).</summary>
    public HttpClient Http { get; }

    public string CsrfToken { get; }

    public static async Task<BrowserSession> SignInAsync(CloudServer cloud, string email, string password = CloudServer.Password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = cloud.BaseAddress };
        var page = await http.GetStringAsync(PeopleRoutes.SignIn);
        var field = HiddenField().Match(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups["name"].Value] = WebUtility.HtmlDecode(field.Groups["value"].Value),
            ["email"] = email,
            ["password"] = password,
        });
        var signIn = await http.PostAsync(PeopleRoutes.SignIn, form);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            http.Dispose();
            throw new InvalidOperationException($"Signing in as {email} answered {(int)signIn.StatusCode}.");
        }

        var session = await http.GetFromJsonAsync(PeopleRoutes.Session, ProtocolJson.Default.SessionInfo);
        return new BrowserSession(http, session!.CsrfToken!);
    }

    /// <summary>A request as the page's script sends it: with the antiforgery header (unless told not to) and, if given, an Origin.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool withToken = true, string? origin = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", CsrfToken);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();
}
