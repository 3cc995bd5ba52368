using System.Globalization;
using System.Text;

namespace CloudLink.Core.Toml;

/// <summary>Writes values and keys as TOML text that reads back as exactly the same value.</summary>
public static class TomlFormatter
{
    public static string Value(object value) => value switch
    {
        string text => BasicString(text),
        bool boolean => boolean ? "true" : "false",
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        int integer => integer.ToString(CultureInfo.InvariantCulture),
        double number => Float(number),
        Tomlyn.TomlDateTime dateTime => dateTime.ToString(),
        Tomlyn.Model.TomlArray array => "[" + string.Join(", ", array.Select(item => Value(item!))) + "]",
        Tomlyn.Model.TomlTable table => table.Count == 0 ? "{}" : "{ " + string.Join(", ", table.Select(entry => Key(entry.Key) + " = " + Value(entry.Value))) + " }",
        _ => throw new ArgumentException($"{value.GetType().Name} is not a TOML value.", nameof(value)),
    };

    /// <summary>A basic string: quotes, backslashes and control characters escaped ("c:\import" becomes "c:\\import").</summary>
    public static string BasicString(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\b': result.Append("\\b"); break;
                case '\t': result.Append("\\t"); break;
                case '\n': result.Append("\\n"); break;
                case '\f': result.Append("\\f"); break;
                case '\r': result.Append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }

    /// <summary>One key part: bare where TOML allows it, quoted otherwise.</summary>
    public static string Key(string part) =>
        part.Length > 0 && part.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-')
            ? part
            : BasicString(part);

    public static string Key(IEnumerable<string> parts) => string.Join(".", parts.Select(Key));

    private static string Float(double number)
    {
        if (double.IsNaN(number))
        {
            return "nan";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "inf" : "-inf";
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(['.', 'E', 'e']) >= 0 ? text : text + ".0";
    }
}
