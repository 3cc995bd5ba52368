using System.Text;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using ModelTable = Tomlyn.Model.TomlTable;

namespace CloudLink.Core.Toml;

/// <summary>
/// A TOML 1.1 document parsed by Tomlyn: its text, the syntax tree, the value model (Tomlyn's
/// tables, arrays and scalars) and where each entry and section is written. <see cref="ToString"/>
/// prints the tree back, which gives the exact input.
/// </summary>
public sealed class TomlDocument
{
    private const char ByteOrderMark = '\uFEFF';
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly TomlSerializerOptions Options = new() { MaxDepth = TomlLimits.MaxDepth };
    private readonly DocumentSyntax _syntax;
    private readonly TomlTreeReader _tree;

    private TomlDocument(string text, DocumentSyntax syntax, TomlTreeReader tree)
    {
        Text = text;
        _syntax = syntax;
        _tree = tree;
    }

    /// <summary>The text as read, byte order mark included.</summary>
    public string Text { get; }

    public ModelTable Root => _tree.Root;

    /// <summary>[table] and [[table]] headers in document order, each with its entries.</summary>
    public IReadOnlyList<TomlSection> Sections => _tree.Sections;

    /// <summary>Entries before the first header.</summary>
    public IReadOnlyList<TomlEntry> RootEntries => _tree.RootEntries;

    public bool HasByteOrderMark => Text.Length > 0 && Text[0] == ByteOrderMark;

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
            throw new TomlException($"the document is larger than {TomlLimits.MaxDocumentBytes} characters; a config file is a few kilobytes, so this is not one.", 1, 1);
        }

        var shift = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        var body = shift == 0 ? text : text.Substring(shift);
        if (body.Length > 0 && body[0] == ByteOrderMark)
        {
            // Tomlyn skips a byte order mark of its own, so a second one would pass unseen.
            throw new TomlException("the file starts with two byte order marks; save it as UTF-8 with one or none.", 1, 2);
        }

        DocumentSyntax syntax;
        try
        {
            syntax = SyntaxParser.Parse(body, Options, sourceName: null, validate: true);
        }
        catch (Tomlyn.TomlException e)
        {
            throw TomlErrors.FromException(e, text, shift);
        }

        var first = syntax.Diagnostics.FirstOrDefault(message => message.Kind == DiagnosticMessageKind.Error);
        if (first is not null)
        {
            throw TomlErrors.FromDiagnostic(first, text, shift);
        }

        var tree = TomlTreeReader.Read(syntax, text, shift);
        TomlErrors.CheckKeyLengths(tree, text);
        return new TomlDocument(text, syntax, tree);
    }

    /// <summary>Parses UTF-8 bytes; a byte that is not UTF-8 is an error with its place.</summary>
    public static TomlDocument Parse(byte[] utf8)
    {
        if (utf8.Length > TomlLimits.MaxDocumentBytes)
        {
            throw new TomlException($"the document is larger than {TomlLimits.MaxDocumentBytes} bytes; a config file is a few kilobytes, so this is not one.", 1, 1);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw TomlErrors.NotUtf8(utf8, Math.Max(0, Math.Min(e.Index, utf8.Length)));
        }

        return Parse(text);
    }

    /// <summary>The document as UTF-8 bytes: the input bytes again when nothing was edited.</summary>
    public byte[] ToUtf8() => StrictUtf8.GetBytes(ToString());

    /// <summary>The syntax tree printed back (with the byte order mark, which Tomlyn does not keep).</summary>
    public override string ToString() => (HasByteOrderMark ? ByteOrderMark.ToString() : "") + _syntax.ToString();

    /// <summary>The entry that defines the value at a path (not inside arrays of tables), or null.</summary>
    public TomlEntry? FindEntry(IReadOnlyList<string> path) =>
        _tree.Entries.TryGetValue(TomlTreeReader.PathKey(path), out var entry) ? entry : null;

    /// <summary>The [header] of the table at a path, or null.</summary>
    public TomlSection? FindHeader(IReadOnlyList<string> path) =>
        _tree.SectionsByPath.TryGetValue(TomlTreeReader.PathKey(path), out var section) ? section : null;

    /// <summary>1-based line and column of a character offset.</summary>
    public (int Line, int Column) Position(int offset) => TextPosition.Of(Text, offset);

    /// <summary>The value at a dotted path in the model, or null.</summary>
    public object? GetValue(IReadOnlyList<string> path)
    {
        object current = Root;
        foreach (var part in path)
        {
            if (current is not ModelTable table || !table.TryGetValue(part, out current))
            {
                return null;
            }
        }

        return current;
    }
}
