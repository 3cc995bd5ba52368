using System.Text;

namespace CloudLink.Core.CsvCheck;

internal static class Utf8Bytes
{
#if !NET
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif

    /// <summary>Whether the bytes are well-formed UTF-8.</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
#if NET
        return System.Text.Unicode.Utf8.IsValid(bytes);
#else
        try
        {
            Strict.GetCharCount(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
#endif
    }
}
