using CloudLink.Protocol;

namespace CloudLink.Cloud.Api;

/// <summary>Every error answer carries a stable code and a sentence that says what to do.</summary>
internal static class ApiErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse { Code = code, Message = message }, ProtocolJson.Default.ErrorResponse, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);
}
