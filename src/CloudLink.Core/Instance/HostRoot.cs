namespace CloudLink.Core.Instance;

/// <summary>
/// The root under which host-wide files live (/etc/systemd/system, /etc/injixo-cloud-link): "/" on
/// a real host; CLOUDLINK_HOST_ROOT points the tools at another tree (tests, image builds).
/// </summary>
public static class HostRoot
{
    public const string Variable = "CLOUDLINK_HOST_ROOT";

    public static string Current => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } root ? root : "/";
}
