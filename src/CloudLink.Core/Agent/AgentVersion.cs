using System.Reflection;

namespace CloudLink.Core;

public static class AgentVersion
{
    /// <summary>The product version (e.g. 0.1.0), without build metadata.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
