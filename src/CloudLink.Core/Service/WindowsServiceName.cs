using CloudLink.Core.Instance;

namespace CloudLink.Core.Service.Windows;

/// <summary>
/// The Windows service of an instance, as the MSI names it: "injixo Cloud Link" for the default
/// instance, "injixo Cloud Link (Instance N)" for com.injixo.cloud-link.instance.N, and the
/// [app] name in brackets for any other.
/// </summary>
public static class WindowsServiceName
{
    public const string Default = "injixo Cloud Link";

    public static string From(string appName) => InstanceName.Number(appName) switch
    {
        0 => Default,
        int number => ForNumber(number),
        null => Other(appName),
    };

    public static string ForNumber(int number) => number == 0 ? Default : $"{Default} (Instance {number})";

    private static string Other(string appName)
    {
        var cleaned = new string(appName.Where(c => c is not ('/' or '\\') && !char.IsControl(c)).ToArray()).Trim();
        var name = $"{Default} ({cleaned})";
        return name.Length <= 256 ? name : name.Remove(255) + ")";
    }
}
