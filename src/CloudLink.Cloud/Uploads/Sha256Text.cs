namespace CloudLink.Cloud.Uploads;

internal static class Sha256Text
{
    public static bool IsValid(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
