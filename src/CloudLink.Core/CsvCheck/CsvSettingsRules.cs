using System.Text;
using CloudLink.Protocol;

namespace CloudLink.Core.CsvCheck;

/// <summary>What each value of a CSV integration's settings (checked by <see cref="CsvSettingsCheck"/>) means to the reader.</summary>
public static class CsvSettingsRules
{
    /// <summary>The separator CsvHelper is given: null to detect it from the file.</summary>
    public static char? Separator(string delimiter) => delimiter switch
    {
        ";" => ';',
        "," => ',',
        "tab" => '\t',
        _ => null,
    };

    /// <summary>The name a separator is reported by.</summary>
    public static string NameOf(char separator) => separator == '\t' ? "tab" : separator.ToString();

    /// <summary>The encoding of a file without a UTF-8 byte order mark; null for UTF-8, which CsvHelper reads as it is.</summary>
    public static Encoding? Legacy(string encoding)
    {
        if (encoding == "utf-8")
        {
            return null;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(encoding switch
        {
            "iso-8859-1" => 28591,
            "iso-8859-9" => 28599,
            _ => 1252,
        });
    }
}
