using CloudLink.Protocol;

namespace CloudLink.Cloud.Pairing;

public enum PinOutcomeKind
{
    Accepted,
    Invalid,
    TooManyAttempts,
}

/// <summary>
/// Result of a person entering a PIN: who is behind it (preview) or the new agent (connect);
/// when refused for too many wrong PINs, which limit was reached.
/// </summary>
public sealed record PinOutcome(PinOutcomeKind Kind, PinPreview? Preview = null, AgentInfo? Agent = null, int RemainingAttempts = 0, string? Limit = null);
