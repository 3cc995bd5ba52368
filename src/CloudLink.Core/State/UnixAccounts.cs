using System.Globalization;

namespace CloudLink.Core.State;

/// <summary>User names for user ids, from /etc/passwd, for messages ("mallory (uid 1001)"); the id alone where it is not listed.</summary>
internal static class UnixAccounts
{
    public static string Describe(uint uid) => Name(uid) is { } name
        ? $"{name} (uid {uid.ToString(CultureInfo.InvariantCulture)})"
        : $"uid {uid.ToString(CultureInfo.InvariantCulture)}";

    public static string? Name(uint uid)
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/passwd"))
            {
                var fields = line.Split(':');
                if (fields.Length > 2 && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == uid)
                {
                    return fields[0];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
