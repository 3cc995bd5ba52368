using System.Globalization;
using System.Text.RegularExpressions;
using Tomlyn.Syntax;

namespace CloudLink.Core.Toml;

/// <summary>
/// Tomlyn's first diagnostic as one located error in our words: 1-based line and column (Tomlyn's
/// are 0-based and count from after a byte order mark), what is wrong and how to fix it. Later
/// diagnostics mostly follow from the first one, so they are not reported.
/// </summary>
internal static class TomlErrors
{
    private static readonly (Regex Pattern, string Reason)[] Known =
    [
        (Pattern(@"^Invalid (newline in a string|End-Of-File found on string literal)"),
            "the string is not closed on its line; end it with the quote it starts with (or use \"\"\" or ''' for text over several lines)."),
        (Pattern(@"^Invalid End-Of-File found for multi-line string"), "the multi-line string is not closed; end it with '\"\"\"'."),
        (Pattern(@"^Invalid End-Of-File found for multi-line literal string"), "the multi-line string is not closed; end it with \"'''\"."),
        (Pattern(@"^Unexpected escape character \[(?<c>.*?)\]"),
            "'\\{c}' is not an escape; use \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uXXXX or \\UXXXXXXXX, and write a Windows backslash twice (\"c:\\\\import\") or use a literal string ('c:\\import')."),
        (Pattern(@"^Invalid escape `\\x`"), "'\\x' needs two hexadecimal digits, as in \\x41."),
        (Pattern(@"^Invalid escape `\\`"), "only whitespace may follow a line-ending backslash on its line."),
        (Pattern(@"^Invalid Unicode scalar value"), "this \\u or \\U escape is not a Unicode character; use a code point up to 10FFFF outside D800-DFFF."),
        (Pattern(@"leading zero|Multiple leading 0"), "numbers have no leading zeros; write 123 (or put the value in quotes if it is text)."),
        (Pattern(@"underscore"), "a number may hold a single '_' between two digits, never two in a row or at an end."),
        (Pattern(@"^(Unable to parse the date time|Invalid format of date time|Invalid prefix .* for the following offset)"),
            "this date or time does not exist or is not written as TOML writes them (1979-05-27T07:32:00Z, 1979-05-27, 07:32); fix it, or put it in quotes if it is text."),
        (Pattern(@"^Unable to parse (integer|floating point)"), "this number cannot be read (integers run from -2^63 to 2^63-1); fix it, or put it in quotes if it is text."),
        (Pattern(@"^Invalid capital [XOB]"), "write the base prefix in lower case: 0x, 0o or 0b."),
        (Pattern(@"^Invalid (binary|octal|hexadecimal|size of)"), "this number is not written correctly for its base (0x1F, 0o17, 0b101); fix its digits."),
        (Pattern(@"^Expecting at least one digit after the (float dot|exponent)"), "a number needs digits after '.' and after 'e' (3.0, 1e6)."),
        (Pattern(@"^Unexpected token end-of-line found while expecting a value"), "the key has no value; write one after '=' (\"\" for empty text)."),
        (Pattern(@"^Unexpected token `.*` for a value"), "this is not a TOML value: text must be in quotes (\"...\"); true and false are lower case."),
        (Pattern(@"^The key `(?<key>.*)` is already defined"), "'{key}' is defined twice; keep one of them."),
        (Pattern(@"^The table.* must have"), "a table header is not complete: write it as [name] or [[name]] on its own line."),
        (Pattern(@"^Invalid \\r not followed by \\n"), "a carriage return must be followed by a line feed."),
        (Pattern(@"^Invalid control character"), "a control character may not be written here; remove it (in a string, escape it as \\u00XX)."),
        (Pattern(@"^Invalid UTF-16 surrogate sequence"), "Tomlyn cannot read the character U+FFFD written as itself; write it as \\uFFFD in a \"...\" string."),
        (Pattern(@"^Missing a `,`"), "items of an array are separated by ','; add one."),
        (Pattern(@"Expecting a closing `\]` for an array"), "the array is not closed; end it with ']'."),
        (Pattern(@"^Expecting `=` after a key"), "a key must be followed by '=' and its value."),
        (Pattern(@"while parsing inline table"), "an inline table holds key = value pairs separated by ',' and is closed with '}'."),
        (Pattern(@"for a base key"), "a key is a bare word (A-Z a-z 0-9 _ -) or a quoted string; quote this one."),
    ];

    public static TomlException FromDiagnostic(DiagnosticMessage diagnostic, string text, int shift)
    {
        // Tomlyn places a bad escape at the character after the backslash; the backslash is where to look.
        var back = diagnostic.Message.StartsWith("Unexpected escape character", StringComparison.Ordinal) ? 1 : 0;
        var (line, column) = TextPosition.Of(text, Math.Min(text.Length, Math.Max(0, diagnostic.Span.Start.Offset + shift - back)));
        return new TomlException(Reason(diagnostic.Message), line, column);
    }

    /// <summary>Tomlyn throws (rather than reports) when values nest deeper than its limit.</summary>
    public static TomlException FromException(Tomlyn.TomlException exception, string text, int shift)
    {
        if (exception.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return new TomlException($"values are nested more than {TomlLimits.MaxDepth} deep; a config needs a few levels at most, so flatten this.", 1, 1);
        }

        var (line, column) = exception.Offset is { } offset ? TextPosition.Of(text, Math.Min(text.Length, offset + shift)) : (1, 1);
        return new TomlException(Reason(exception.Message), line, column);
    }

    public static TomlException NotUtf8(byte[] utf8, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (utf8[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TomlException("the file is not valid UTF-8; save it as UTF-8.", line, offset - lineStart + 1);
    }

    /// <summary>Keys with more dotted parts than any config needs are refused where they are written.</summary>
    public static void CheckKeyLengths(TomlTreeReader tree, string text)
    {
        // Entries holds every entry outside arrays of tables; the sections it does not index add theirs once.
        var unindexed = tree.Sections.Where(section => !tree.SectionsByPath.TryGetValue(TomlTreeReader.PathKey(section.Path), out var indexed) || indexed != section);
        foreach (var entry in tree.Entries.Values.Concat(unindexed.SelectMany(section => section.Entries)))
        {
            if (entry.Path.Count > TomlLimits.MaxDepth)
            {
                var (line, column) = TextPosition.Of(text, entry.KeyStart);
                throw new TomlException($"this key has more than {TomlLimits.MaxDepth} dotted parts with its table's; shorten it.", line, column);
            }
        }

        foreach (var section in tree.Sections.Where(section => section.Path.Count > TomlLimits.MaxDepth))
        {
            var (line, column) = TextPosition.Of(text, section.Start);
            throw new TomlException($"this table name has more than {TomlLimits.MaxDepth} dotted parts; shorten it.", line, column);
        }
    }

    private static string Reason(string message)
    {
        foreach (var (pattern, reason) in Known)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return reason.Replace("{c}", match.Groups["c"].Value).Replace("{key}", match.Groups["key"].Value);
            }
        }

        var plain = message.TrimEnd('.');
        return plain.Length == 0 ? "this is not valid TOML 1.1." : char.ToLower(plain[0], CultureInfo.InvariantCulture) + plain.Substring(1) + ".";
    }

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
