namespace CloudLink.Protocol;

/// <summary>Body of every non-2xx answer: a stable code and a sentence for people.</summary>
public sealed class ErrorResponse
{
    public string Code { get; set; } = "";
    public string Message { get; set; } = "";
}
