namespace CloudLink.Protocol;

/// <summary>Values of <see cref="UploadResult.Status"/>.</summary>
public static class UploadStatus
{
    /// <summary>The cloud stored the content now.</summary>
    public const string Stored = "stored";

    /// <summary>The cloud already held this content for the integration; nothing new was stored.</summary>
    public const string Duplicate = "duplicate";
}

/// <summary>The cloud's acknowledgement of a file: only after it may the agent record the file as imported.</summary>
public sealed class UploadResult
{
    public string Status { get; set; } = UploadStatus.Stored;
    public long FileId { get; set; }
    public string Sha256 { get; set; } = "";
}
