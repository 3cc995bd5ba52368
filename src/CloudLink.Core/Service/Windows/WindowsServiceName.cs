using System.Text.RegularExpressions;

namespace CloudLink.Core.Service.Windows;

/// <summary>
/// The Windows service of an instance, as the MSI names it: "injixo Cloud Link" for the default
/// instance, "injixo Cloud Link (Instance N)" for com.injixo.cloud-link.instance.N, and the
/// [app] name in brackets for any other.
/// </summary>
public static partial class WindowsServiceName
{
    public const string Default = "injixo Cloud Link";

    public static string From(string appName)
    {
        if (appName == Config.AgentConfig.DefaultName)
        {
            return Default;
        }

        var instance = InstanceNumber().Match(appName);
        if (instance.Success)
        {
            return $"{Default} (Instance {instance.Groups[1].Value})";
        }

        var cleaned = new string(appName.Where(c => c is not ('/' or '\\') && !char.IsControl(c)).ToArray()).Trim();
        var name = $"{Default} ({cleaned})";
        return name.Length <= 256 ? name : string.Concat(name.AsSpan(0, 255), ")");
    }

    [GeneratedRegex(@"^com\.injixo\.cloud-link\.instance\.([1-9][0-9]*)$")]
    private static partial Regex InstanceNumber();
}
