using System.Text;
using CloudLink.Core.Toml.Syntax;

namespace CloudLink.Core.Toml;

/// <summary>
/// A parsed TOML document: its text, every token (trivia included), the syntax of its sections
/// and entries, and the value model. <see cref="ToString"/> gives back the exact input.
/// </summary>
public sealed class TomlDocument
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, TomlKeyValueSyntax> _entriesByPath;
    private readonly Dictionary<string, TomlTableHeaderSyntax> _headersByPath;

    internal TomlDocument(
        string text, List<TomlToken> tokens, TomlTable root, List<TomlTableHeaderSyntax> headers, List<TomlKeyValueSyntax> rootEntries,
        Dictionary<string, TomlKeyValueSyntax> entriesByPath, Dictionary<string, TomlTableHeaderSyntax> headersByPath)
    {
        Text = text;
        Tokens = tokens;
        Root = root;
        Headers = headers;
        RootEntries = rootEntries;
        _entriesByPath = entriesByPath;
        _headersByPath = headersByPath;
    }

    public string Text { get; }
    public IReadOnlyList<TomlToken> Tokens { get; }
    public TomlTable Root { get; }

    /// <summary>[table] and [[table]] headers in document order, each with its entries.</summary>
    public IReadOnlyList<TomlTableHeaderSyntax> Headers { get; }

    /// <summary>Entries before the first header.</summary>
    public IReadOnlyList<TomlKeyValueSyntax> RootEntries { get; }

    public bool HasByteOrderMark => Tokens.Count > 0 && Tokens[0].Kind == TomlTokenKind.ByteOrderMark;

    /// <summary>The document's newline: CRLF if its first line ends so, otherwise LF.</summary>
    public string NewLine
    {
        get
        {
            var first = Text.IndexOf('\n');
            return first > 0 && Text[first - 1] == '\r' ? "\r\n" : "\n";
        }
    }

    public static TomlDocument Parse(string text)
    {
        if (text.Length > TomlLimits.MaxDocumentBytes)
        {
            throw new TomlException($"the document is larger than {TomlLimits.MaxDocumentBytes} characters.", 1, 1);
        }

        return TomlParser.Parse(text);
    }

    /// <summary>Parses UTF-8 bytes; a byte that is not UTF-8 is an error with its place.</summary>
    public static TomlDocument Parse(byte[] utf8)
    {
        if (utf8.Length > TomlLimits.MaxDocumentBytes)
        {
            throw new TomlException($"the document is larger than {TomlLimits.MaxDocumentBytes} bytes.", 1, 1);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, Math.Min(e.Index, utf8.Length));
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

            throw new TomlException("the file is not valid UTF-8; save it as UTF-8.", line, offset - lineStart + 1);
        }

        return Parse(text);
    }

    /// <summary>The document as UTF-8 bytes: the input bytes again when nothing was edited.</summary>
    public byte[] ToUtf8() => StrictUtf8.GetBytes(ToString());

    public override string ToString()
    {
        var text = new StringBuilder(Text.Length);
        foreach (var token in Tokens)
        {
            text.Append(token.Text);
        }

        return text.ToString();
    }

    /// <summary>The entry that defines the value at a path (not inside arrays of tables), or null.</summary>
    public TomlKeyValueSyntax? FindEntry(IReadOnlyList<string> path) =>
        _entriesByPath.TryGetValue(TomlParser.PathKey(path), out var entry) ? entry : FindInInlineTables(path);

    /// <summary>The [header] of the table at a path, or null.</summary>
    public TomlTableHeaderSyntax? FindHeader(IReadOnlyList<string> path) =>
        _headersByPath.TryGetValue(TomlParser.PathKey(path), out var header) ? header : null;

    /// <summary>1-based line and column of a character offset.</summary>
    public (int Line, int Column) Position(int offset) => TextPosition.Of(Text, offset);

    /// <summary>The value at a dotted path in the model, or null.</summary>
    public object? GetValue(IReadOnlyList<string> path)
    {
        object current = Root;
        foreach (var part in path)
        {
            if (current is not TomlTable table || !table.TryGetValue(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    private TomlKeyValueSyntax? FindInInlineTables(IReadOnlyList<string> path)
    {
        for (var split = path.Count - 1; split > 0; split--)
        {
            if (!_entriesByPath.TryGetValue(TomlParser.PathKey(path.Take(split)), out var owner))
            {
                continue;
            }

            var found = FindInside(owner.Value, path.Skip(split).ToList());
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static TomlKeyValueSyntax? FindInside(TomlValueSyntax value, List<string> rest)
    {
        if (value is not TomlInlineTableSyntax inline)
        {
            return null;
        }

        foreach (var entry in inline.Entries)
        {
            var parts = entry.Key.Parts;
            if (parts.Count > rest.Count || !parts.SequenceEqual(rest.Take(parts.Count), StringComparer.Ordinal))
            {
                continue;
            }

            return parts.Count == rest.Count ? entry : FindInside(entry.Value, rest.Skip(parts.Count).ToList());
        }

        return null;
    }
}
