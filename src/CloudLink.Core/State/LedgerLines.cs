using System.Text;

namespace CloudLink.Core.State;

/// <summary>
/// The lines of the ledger file, read as a stream: memory stays bounded by the longest line (a
/// line longer than <see cref="MaxLineBytes"/> is no record and reads as damaged), not by the file.
/// </summary>
internal static class LedgerLines
{
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>Each line's text (null for a line too long or not UTF-8), and whether it ended with a newline.</summary>
    public static IEnumerable<(string? Text, bool Terminated)> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var line = new MemoryStream();
        var tooLong = false;
        var buffer = new byte[1 << 16];
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                Append(line, buffer, start, i - start, ref tooLong);
                yield return (Decode(strict, line, tooLong), true);
                line.SetLength(0);
                tooLong = false;
                start = i + 1;
            }

            Append(line, buffer, start, read - start, ref tooLong);
        }

        if (line.Length > 0 || tooLong)
        {
            yield return (Decode(strict, line, tooLong), false);
        }
    }

    private static void Append(MemoryStream line, byte[] buffer, int start, int count, ref bool tooLong)
    {
        if (tooLong || line.Length + count > MaxLineBytes)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }

        line.Write(buffer, start, count);
    }

    private static string? Decode(Encoding strict, MemoryStream line, bool tooLong)
    {
        if (tooLong)
        {
            return null;
        }

        try
        {
            return strict.GetString(line.GetBuffer(), 0, (int)line.Length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
