using System.Globalization;

namespace CloudLink.Cloud.Api;

/// <summary>
/// Checks of what clients send, each naming the field and the rule: required, length, and no
/// control or bidirectional-override characters in names (they would forge log lines or hide text).
/// </summary>
internal static class InputCheck
{
    /// <summary>What is wrong with a name-like value, or null.</summary>
    public static string? Label(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{field} is required.";
        }

        if (value.Length > maxLength)
        {
            return $"{field} is at most {maxLength} characters; it has {value.Length}.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (IsForbidden(value[i]))
            {
                return $"{field} must not contain control characters (it holds U+{(int)value[i]:X4} at character {i + 1}).";
            }
        }

        return null;
    }

    /// <summary>A window bound as the agent sends it: the database's local time, yyyy-MM-ddTHH:mm with optional seconds and fraction.</summary>
    public static DateTime? LocalTimestamp(string value) =>
        value.Length <= 40 && DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static bool IsForbidden(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ||
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
