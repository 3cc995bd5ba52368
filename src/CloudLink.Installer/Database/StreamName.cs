using System.Text;

namespace CloudLink.Installer.Database;

/// <summary>
/// How Windows Installer names streams in its compound file: characters of [0-9A-Za-z._] are
/// packed two to a UTF-16 unit (0x3800 + a + (b &lt;&lt; 6)) or one (0x4800 + a), and a table's
/// stream starts with 0x4840. Other characters are kept.
/// </summary>
internal static class StreamName
{
    public const char TableMark = '\u4840';
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._";

    public static string Table(string name) => TableMark + Encode(name);

    public static string Encode(string name)
    {
        var encoded = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var first = Alphabet.IndexOf(name[i], StringComparison.Ordinal);
            if (first < 0)
            {
                encoded.Append(name[i]);
                continue;
            }

            var second = i + 1 < name.Length ? Alphabet.IndexOf(name[i + 1], StringComparison.Ordinal) : -1;
            if (second >= 0)
            {
                encoded.Append((char)(0x3800 + first + (second << 6)));
                i++;
            }
            else
            {
                encoded.Append((char)(0x4800 + first));
            }
        }

        return encoded.ToString();
    }

    /// <summary>The plain name; a table's stream keeps its leading mark so callers can tell tables from other streams.</summary>
    public static string Decode(string encoded)
    {
        var name = new StringBuilder();
        foreach (var c in encoded)
        {
            if (c is >= '\u3800' and < '\u4800')
            {
                name.Append(Alphabet[(c - 0x3800) & 0x3F]).Append(Alphabet[((c - 0x3800) >> 6) & 0x3F]);
            }
            else if (c is >= '\u4800' and < '\u4840')
            {
                name.Append(Alphabet[c - 0x4800]);
            }
            else
            {
                name.Append(c);
            }
        }

        return name.ToString();
    }
}
