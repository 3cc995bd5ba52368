namespace CloudLink.Core.Toml;

/// <summary>
/// key = value where the document writes it: character offsets into <see cref="TomlDocument.Text"/>
/// ([start, end) ranges), taken from Tomlyn's syntax tree so that edits can splice the text.
/// </summary>
public sealed class TomlEntry
{
    internal TomlEntry(IReadOnlyList<string> keyParts, IReadOnlyList<string> path, int keyStart, int valueStart, int valueEnd, int lineStart, int lineEnd)
    {
        KeyParts = keyParts;
        Path = path;
        KeyStart = keyStart;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        LineStart = lineStart;
        LineEnd = lineEnd;
    }

    /// <summary>The key as written, one decoded name per dotted part.</summary>
    public IReadOnlyList<string> KeyParts { get; }

    /// <summary>The full path from the root: the section's or inline table's path, then the key.</summary>
    public IReadOnlyList<string> Path { get; }

    public int KeyStart { get; }
    public int ValueStart { get; }
    public int ValueEnd { get; }

    /// <summary>The whole line (or lines) of a top-level entry, its newline included.</summary>
    public int LineStart { get; }
    public int LineEnd { get; }

    /// <summary>The [header] this entry is written under; null at the root and inside inline tables.</summary>
    public TomlSection? Section { get; internal set; }

    /// <summary>The inline table this entry is written in, if any.</summary>
    public TomlInlineTable? InlineTable { get; internal set; }

    /// <summary>The value, when it is an inline table { ... }.</summary>
    public TomlInlineTable? ValueTable { get; internal set; }
}

/// <summary>{ ... }: its braces' place and its entries.</summary>
public sealed class TomlInlineTable(int start, int end)
{
    /// <summary>The offset of '{'.</summary>
    public int Start { get; } = start;

    /// <summary>The offset just after '}'.</summary>
    public int End { get; } = end;

    public List<TomlEntry> Entries { get; } = [];
}

/// <summary>[key] or [[key]] and the entries written below it.</summary>
public sealed class TomlSection(IReadOnlyList<string> path, bool arrayOfTables, int start, int lineStart, int lineEnd)
{
    public IReadOnlyList<string> Path { get; } = path;
    public bool IsArrayOfTables { get; } = arrayOfTables;

    /// <summary>The offset of the opening '['.</summary>
    public int Start { get; } = start;

    public int LineStart { get; } = lineStart;
    public int LineEnd { get; } = lineEnd;
    public List<TomlEntry> Entries { get; } = [];
}
