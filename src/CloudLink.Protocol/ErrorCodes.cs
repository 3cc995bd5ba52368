namespace CloudLink.Protocol;

/// <summary>Stable machine-readable error codes carried in <see cref="ErrorResponse.Code"/>.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string NotFound = "not_found";
    public const string CredentialMissing = "credential_missing";
    public const string CredentialUnknown = "credential_unknown";
    public const string CredentialRevoked = "credential_revoked";
    public const string IntegrationDeleted = "integration_deleted";
    public const string IntegrationPaused = "integration_paused";
    public const string PinInvalid = "pin_invalid";
    public const string TooManyAttempts = "too_many_attempts";
    public const string ChecksumMismatch = "checksum_mismatch";
    public const string TooLarge = "too_large";
}
