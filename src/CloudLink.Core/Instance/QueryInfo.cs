namespace CloudLink.Core.Instance;

/// <summary>The database query an instance received from its integration, and whether it may run (Get-CloudLinkQuery).</summary>
public sealed record QueryInfo(string Instance, string Sha256, string Query, DateTimeOffset ReceivedAt, bool Approved, string QueryApproval, string ConfigPath)
{
    /// <summary>"runs" or "waits for approval".</summary>
    public string State => QueryApproval != "local" || Approved ? "runs" : "waits for approval";
}

/// <summary>What Approve-CloudLinkQuery did.</summary>
public sealed record QueryApprovalResult(string Instance, string Sha256, string Answer);
