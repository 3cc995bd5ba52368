namespace CloudLink.Cloud.Uploads;

internal static class UploadName
{
    /// <summary>The last path segment of a client-sent name (either separator), or null when empty or too long.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        return last.Length is > 0 and <= 255 ? last : null;
    }
}
