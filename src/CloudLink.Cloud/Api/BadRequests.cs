using CloudLink.Protocol;

namespace CloudLink.Cloud.Api;

/// <summary>A request the framework cannot bind (malformed JSON, a wrong type, a missing body) is a 400 that says which field, never a 500.</summary>
internal static class BadRequests
{
    public static async Task Answer(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            var detail = error.InnerException is System.Text.Json.JsonException json ? " " + json.Message : "";
            await ApiErrors.Error(error.StatusCode, ErrorCodes.BadRequest, error.Message + detail).ExecuteAsync(context);
        }
    }
}
