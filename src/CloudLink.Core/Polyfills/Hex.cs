namespace CloudLink.Core;

internal static class Hex
{
    public static string Lower(byte[] bytes)
    {
#if NET5_0_OR_GREATER
        return Convert.ToHexStringLower(bytes);
#else
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digit(bytes[i] >> 4);
            chars[(2 * i) + 1] = Digit(bytes[i] & 0xF);
        }

        return new string(chars);

        static char Digit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
#endif
    }
}
