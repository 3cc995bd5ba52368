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

    /// <summary>No valid session cookie or API token came with a people-side request.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>A cookie-authenticated change without a valid antiforgery token, or from another origin.</summary>
    public const string CrossSiteRefused = "cross_site_refused";

    /// <summary>Too many requests of one kind from one address (pairing, sign-in); wait and try again.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>As many agents as the cloud allows are waiting for a PIN; the agent retries.</summary>
    public const string PairingFull = "pairing_full";
}
