namespace CloudLink.Protocol;

/// <summary>Values of <see cref="PairingStatus.State"/>.</summary>
public static class PairingState
{
    public const string Waiting = "waiting";
    public const string Expired = "expired";
    public const string Linked = "linked";
}
