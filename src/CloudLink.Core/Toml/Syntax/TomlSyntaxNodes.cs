namespace CloudLink.Core.Toml.Syntax;

/// <summary>A piece of the document with its place in the text: [Start, End) as character offsets.</summary>
public abstract class TomlSyntax
{
    public int Start { get; internal set; }
    public int End { get; internal set; }
}

/// <summary>A key, possibly dotted: its parts as decoded names.</summary>
public sealed class TomlKeySyntax : TomlSyntax
{
    public List<string> Parts { get; } = [];

    public override string ToString() => string.Join(".", Parts);
}

/// <summary>A value in the text; <see cref="Value"/> is what it means.</summary>
public abstract class TomlValueSyntax : TomlSyntax
{
    public abstract object Value { get; }
}

public sealed class TomlScalarSyntax(object value) : TomlValueSyntax
{
    public override object Value { get; } = value;
}

public sealed class TomlArraySyntax(TomlArray array) : TomlValueSyntax
{
    public List<TomlValueSyntax> Items { get; } = [];
    public override object Value { get; } = array;
}

public sealed class TomlInlineTableSyntax(TomlTable table) : TomlValueSyntax
{
    public List<TomlKeyValueSyntax> Entries { get; } = [];
    public override object Value { get; } = table;
}

/// <summary>
/// key = value, at the top level of a section or inside an inline table. <see cref="Path"/> is the
/// full path from the root; the line offsets cover the whole line of a top-level entry.
/// </summary>
public sealed class TomlKeyValueSyntax(TomlKeySyntax key, TomlValueSyntax value, IReadOnlyList<string> path) : TomlSyntax
{
    public TomlKeySyntax Key { get; } = key;
    public TomlValueSyntax Value { get; } = value;
    public IReadOnlyList<string> Path { get; } = path;

    /// <summary>The section ([header]) this entry belongs to; null for entries inside inline tables.</summary>
    public TomlTableHeaderSyntax? Section { get; internal set; }

    /// <summary>The inline table this entry belongs to, if any.</summary>
    public TomlInlineTableSyntax? InlineTable { get; internal set; }

    public int LineStart { get; internal set; }
    public int LineEnd { get; internal set; }
}

/// <summary>[key] or [[key]]: starts a section. The root section has no header.</summary>
public sealed class TomlTableHeaderSyntax(TomlKeySyntax key, bool arrayOfTables) : TomlSyntax
{
    public TomlKeySyntax Key { get; } = key;
    public bool IsArrayOfTables { get; } = arrayOfTables;
    public List<TomlKeyValueSyntax> Entries { get; } = [];
    public int LineStart { get; internal set; }
    public int LineEnd { get; internal set; }
}
