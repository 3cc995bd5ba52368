namespace CloudLink.Tests.Support;

/// <summary>A fact that needs root on Linux (to mount, or to run the agent as another user); skipped with the reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(string why)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = $"needs root on Linux: {why}";
        }
    }
}
