namespace CloudLink.Core.Control;

/// <summary>A command sent to the running agent over its control channel: status, pin or import.</summary>
public sealed class ControlRequest
{
    public string Command { get; set; } = "";

    /// <summary>For pin: request a fresh PIN.</summary>
    public bool New { get; set; }

    /// <summary>For import: a period of database windows (database local time) to read again.</summary>
    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    /// <summary>For approve: the SHA-256 of the query approved, and who approved it.</summary>
    public string? Sha256 { get; set; }

    public string? ApprovedBy { get; set; }
}

public sealed class ControlResponse
{
    public bool Ok { get; set; }
    public string Message { get; set; } = "";
    public int ProcessId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? Pin { get; set; }
    public DateTimeOffset? PinExpiresAt { get; set; }
    public long? IntegrationId { get; set; }
    public string? IntegrationName { get; set; }

    /// <summary>For pin: why the running agent got no answer from the cloud (unreachable or refused), with what to check.</summary>
    public string? CloudProblem { get; set; }
}
