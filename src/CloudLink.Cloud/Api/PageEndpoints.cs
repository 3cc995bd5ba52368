using System.Text;

namespace CloudLink.Cloud.Api;

/// <summary>The page where a person adds integrations, enters a PIN and connects, pauses, resumes and deletes.</summary>
internal static class PageEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("CloudLink.Cloud.Web.integrations.html")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/account/integrations", () => Results.Content(Page.Value, "text/html; charset=utf-8"));
        app.MapGet("/", () => Results.Redirect("/account/integrations"));
    }
}
