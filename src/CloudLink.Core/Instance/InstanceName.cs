using System.Globalization;
using CloudLink.Core.Config;
using CloudLink.Core.Install;

namespace CloudLink.Core.Instance;

/// <summary>
/// Instance numbers and the [app] names that go with them: 0 is the default instance
/// (com.injixo.cloud-link), N is com.injixo.cloud-link.instance.N. On Windows the MSI carries
/// the default and instance.1 to instance.8; on Linux any number is allowed.
/// </summary>
public static class InstanceName
{
    public const int WindowsMaximum = 8;
    private const string InstancePrefix = AgentConfig.DefaultName + ".instance.";

    public static string AppName(int number) =>
        number == 0 ? AgentConfig.DefaultName : InstancePrefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The instance number an [app] name stands for, or null for a name of the operator's own.</summary>
    public static int? Number(string appName)
    {
        if (appName == AgentConfig.DefaultName)
        {
            return 0;
        }

        if (!appName.StartsWith(InstancePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = appName.Substring(InstancePrefix.Length);
        return digits.Length is > 0 and < 10 && digits[0] != '0' && digits.All(c => c is >= '0' and <= '9')
            ? int.Parse(digits, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// The lowest number not in use: the default first, then 1, 2, ... With a <paramref name="maximum"/>
    /// (Windows: 8) a host that already has them all is refused.
    /// </summary>
    public static int NextFree(IEnumerable<int> used, int? maximum)
    {
        var taken = new HashSet<int>(used);
        for (var n = 0; maximum is null || n <= maximum; n++)
        {
            if (!taken.Contains(n))
            {
                return n;
            }
        }

        throw new InstallException(
            $"All {maximum + 1} instances the installer provides are in use (the default and instance.1 to instance.{maximum}). " +
            "Uninstall one that is no longer needed (Uninstall-CloudLinkInstance) before installing another.");
    }
}
