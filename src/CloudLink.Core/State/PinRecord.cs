namespace CloudLink.Core.State;

/// <summary>The PIN currently shown for pairing, shared between the running agent and the 'pin' command.</summary>
public sealed class PinRecord
{
    public string Pin { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
