namespace CloudLink.Protocol;

/// <summary>Who is signed in, and the antiforgery token the page sends with every change (header X-CSRF-TOKEN).</summary>
public sealed class SessionInfo
{
    public long UserId { get; set; }
    public string Email { get; set; } = "";
    public long AccountId { get; set; }
    public string AccountName { get; set; } = "";

    /// <summary>Only for a cookie session; a request with an API token needs none.</summary>
    public string? CsrfToken { get; set; }
}

/// <summary>A personal API token as listed: never the token itself, which is shown once when it is created.</summary>
public sealed class ApiTokenInfo
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class CreateApiTokenRequest
{
    public string Name { get; set; } = "";
}

/// <summary>A new API token: <see cref="Token"/> is shown this once; the cloud keeps only its hash.</summary>
public sealed class CreatedApiToken
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Token { get; set; } = "";
}

/// <summary>A change of a database integration's SQL: who, when, and the query's hash before and after.</summary>
public sealed class QueryChangeInfo
{
    public long Id { get; set; }
    public long IntegrationId { get; set; }
    public DateTimeOffset At { get; set; }
    public string ChangedBy { get; set; } = "";
    public string? OldSha256 { get; set; }
    public string NewSha256 { get; set; } = "";
}
