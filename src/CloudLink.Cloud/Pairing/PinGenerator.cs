using System.Globalization;
using System.Security.Cryptography;

namespace CloudLink.Cloud.Pairing;

internal static class PinGenerator
{
    public static string Next() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static bool IsWellFormed(string? pin) => pin is { Length: 6 } && pin.All(char.IsAsciiDigit);
}
