using System.Globalization;
using System.Runtime.InteropServices;

namespace CloudLink.Core.Localization;

/// <summary>
/// The language of the host for the PIN banner and CLI messages: en, de, nl, fr or es. On Linux the
/// locale variables decide (a trimmed agent runs with invariant globalization); elsewhere the UI culture.
/// </summary>
public static class HostLanguage
{
    public static readonly IReadOnlyList<string> Supported = ["en", "de", "nl", "fr", "es"];

    public static string Detect() => Detect(Environment.GetEnvironmentVariable);

    internal static string Detect(Func<string, string?> environment)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            foreach (var variable in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
            {
                var value = environment(variable);
                if (!string.IsNullOrEmpty(value))
                {
                    return Pick(value!);
                }
            }
        }

        return Pick(CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>Maps a locale such as "de_DE.UTF-8" or "fr-BE" to a supported language; English otherwise.</summary>
    public static string Pick(string locale)
    {
        var language = locale.Split('_', '-', '.', '@')[0].ToLowerInvariant();
        return Supported.Contains(language) ? language : "en";
    }
}
