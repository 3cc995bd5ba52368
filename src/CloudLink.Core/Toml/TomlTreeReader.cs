using Tomlyn.Syntax;
using ModelArray = Tomlyn.Model.TomlArray;
using ModelTable = Tomlyn.Model.TomlTable;
using ModelTableArray = Tomlyn.Model.TomlTableArray;

namespace CloudLink.Core.Toml;

/// <summary>
/// Reads a syntax tree that Tomlyn has parsed and validated (no key or table defined twice) into
/// the value model (Tomlyn's tables and arrays, in document order) and the located entries and
/// sections that edits and error places need. Offsets are moved by <c>shift</c>: Tomlyn counts
/// from after a byte order mark, the document's text includes it.
/// </summary>
internal sealed class TomlTreeReader
{
    private readonly string _text;
    private readonly int _shift;

    private TomlTreeReader(string text, int shift)
    {
        _text = text;
        _shift = shift;
    }

    public ModelTable Root { get; } = new();
    public List<TomlEntry> RootEntries { get; } = [];
    public List<TomlSection> Sections { get; } = [];

    /// <summary>Every entry outside arrays of tables, inline ones included, by <see cref="PathKey"/>.</summary>
    public Dictionary<string, TomlEntry> Entries { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TomlSection> SectionsByPath { get; } = new(StringComparer.Ordinal);

    public static TomlTreeReader Read(DocumentSyntax syntax, string text, int shift)
    {
        var reader = new TomlTreeReader(text, shift);
        foreach (var keyValue in syntax.KeyValues)
        {
            reader.RootEntries.Add(reader.Assign(reader.Root, [], keyValue, section: null, inline: null, indexed: true));
        }

        foreach (var table in syntax.Tables)
        {
            reader.ReadSection(table);
        }

        return reader;
    }

    internal static string PathKey(IEnumerable<string> path) => string.Join("\u0000", path);

    private void ReadSection(TableSyntaxBase table)
    {
        var path = KeyParts(table.Name!);
        var arrayOfTables = table is TableArraySyntax;
        var start = Offset(table.OpenBracket!.Span.Start);
        var section = new TomlSection(path, arrayOfTables, start, LineStartOf(start), LineEndAfter(Offset(table.CloseBracket!.Span.End) + 1));
        Sections.Add(section);

        var parent = Navigate(Root, path.Take(path.Count - 1));
        var last = path[path.Count - 1];
        ModelTable target;
        if (arrayOfTables)
        {
            if (!parent.TryGetValue(last, out var existing))
            {
                existing = new ModelTableArray();
                parent[last] = existing;
            }

            target = new ModelTable();
            ((ModelTableArray)existing).Add(target);
        }
        else
        {
            target = Navigate(parent, [last]);
        }

        var indexed = !arrayOfTables && !LiesInArrayOfTables(path);
        if (indexed)
        {
            SectionsByPath[PathKey(path)] = section;
        }

        foreach (var keyValue in table.Items)
        {
            section.Entries.Add(Assign(target, path, keyValue, section, inline: null, indexed));
        }
    }

    private TomlEntry Assign(ModelTable table, IReadOnlyList<string> prefix, KeyValueSyntax keyValue, TomlSection? section, TomlInlineTable? inline, bool indexed)
    {
        var keyParts = KeyParts(keyValue.Key!);
        var path = prefix.Concat(keyParts).ToList();
        var value = keyValue.Value!;
        var valueStart = Offset(value.Span.Start);
        var valueEnd = Offset(value.Span.End) + 1;
        var keyStart = Offset(keyValue.Key!.Span.Start);
        var entry = inline is null
            ? new TomlEntry(keyParts, path, keyStart, valueStart, valueEnd, LineStartOf(keyStart), LineEndAfter(valueEnd))
            : new TomlEntry(keyParts, path, keyStart, valueStart, valueEnd, keyStart, valueEnd);
        entry.Section = section;
        entry.InlineTable = inline;
        if (indexed)
        {
            Entries[PathKey(path)] = entry;
        }

        var owner = Navigate(table, keyParts.Take(keyParts.Count - 1));
        owner[keyParts[keyParts.Count - 1]] = Value(value, path, entry, indexed);
        return entry;
    }

    private object Value(ValueSyntax value, List<string> path, TomlEntry? entry, bool indexed)
    {
        switch (value)
        {
            case StringValueSyntax text:
                return text.Value!;
            case IntegerValueSyntax integer:
                return integer.Value;
            case FloatValueSyntax number:
                return number.Value;
            case BooleanValueSyntax boolean:
                return boolean.Value;
            case DateTimeValueSyntax dateTime:
                return dateTime.Value;
            case ArraySyntax array:
                var items = new ModelArray();
                foreach (var item in array.Items)
                {
                    items.Add(Value(item.Value!, path, entry: null, indexed: false));
                }

                return items;
            case InlineTableSyntax braces:
                var located = new TomlInlineTable(Offset(braces.OpenBrace!.Span.Start), Offset(braces.CloseBrace!.Span.End) + 1);
                if (entry is not null)
                {
                    entry.ValueTable = located;
                }

                var table = new ModelTable(inline: true);
                foreach (var item in braces.Items)
                {
                    located.Entries.Add(Assign(table, path, item.KeyValue!, section: null, located, indexed && entry is not null));
                }

                return table;
            default:
                throw new InvalidOperationException($"Tomlyn gave a value of kind {value.Kind}, which this reader does not know.");
        }
    }

    /// <summary>The table at a relative path, created where missing; through an array of tables, its last element.</summary>
    private static ModelTable Navigate(ModelTable table, IEnumerable<string> path)
    {
        foreach (var part in path)
        {
            if (!table.TryGetValue(part, out var next))
            {
                next = new ModelTable();
                table[part] = next;
            }

            table = next is ModelTableArray array ? array[array.Count - 1] : (ModelTable)next;
        }

        return table;
    }

    private bool LiesInArrayOfTables(IReadOnlyList<string> path)
    {
        object current = Root;
        foreach (var part in path)
        {
            if (current is not ModelTable table || !table.TryGetValue(part, out current))
            {
                return false;
            }

            if (current is ModelTableArray)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> KeyParts(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key!) };
        foreach (var dotted in key.DotKeys)
        {
            parts.Add(Part(dotted.Key!));
        }

        return parts;
    }

    private static string Part(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => throw new InvalidOperationException($"Tomlyn gave a key part of kind {part.Kind}, which this reader does not know."),
    };

    private int Offset(Tomlyn.Syntax.TextPosition position) => position.Offset + _shift;

    private int LineStartOf(int offset) => offset <= _shift ? _shift : Math.Max(_shift, _text.LastIndexOf('\n', offset - 1) + 1);

    private int LineEndAfter(int offset)
    {
        var newline = offset >= _text.Length ? -1 : _text.IndexOf('\n', offset);
        return newline < 0 ? _text.Length : newline + 1;
    }
}
