namespace CloudLink.Protocol;

public sealed class HeartbeatRequest
{
    public string AgentVersion { get; set; } = "";

    /// <summary>Files seen in the import folder and not yet acknowledged.</summary>
    public int Backlog { get; set; }

    public DateTimeOffset? LastImportAt { get; set; }
}
