namespace CloudLink.Core.State;

/// <summary>The database query the integration asks this agent to run, as the agent last received it from the cloud.</summary>
public sealed class QueryRecord
{
    /// <summary>SHA-256 (hex) of the query's UTF-8 text: the cloud's QueryHash of it.</summary>
    public string Sha256 { get; set; } = "";

    public string Query { get; set; } = "";

    public DateTimeOffset SeenAt { get; set; }
}

/// <summary>An operator's approval of one exact query text, by its hash.</summary>
public sealed class QueryApproval
{
    public string Sha256 { get; set; } = "";

    public DateTimeOffset ApprovedAt { get; set; }

    /// <summary>Who approved it: the local user that ran 'query approve'.</summary>
    public string ApprovedBy { get; set; } = "";
}
