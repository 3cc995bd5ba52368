using System.Net;

namespace CloudLink.Core.Cloud;

/// <summary>The cloud answered with an error: its status, stable code and message.</summary>
public class CloudException(HttpStatusCode status, string code, string message)
    : Exception($"The cloud refused the request ({(int)status} {code}): {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string Code { get; } = code;
    public string CloudMessage { get; } = message;

    /// <summary>Worth retrying later as it is: the cloud is busy or broken, not refusing this request.</summary>
    public bool IsTransient => (int)Status >= 500 || Status is HttpStatusCode.RequestTimeout || (int)Status == 429;
}

/// <summary>The credential is no longer accepted (revoked, unknown, or its integration deleted): pair again.</summary>
public sealed class CredentialRejectedException(HttpStatusCode status, string code, string message)
    : CloudException(status, code, message);

/// <summary>The cloud could not be reached at all; the message says what failed and what to check.</summary>
public sealed class CloudUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
