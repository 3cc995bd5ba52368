namespace CloudLink.Core.Toml;

/// <summary>
/// Edits a document so that only the edited value's bytes change: every comment, blank line,
/// key order, newline style (LF or CRLF) and the byte order mark stay as they were. Each edit is
/// a splice of the original text, and the result is parsed again before it is returned.
/// </summary>
public static class TomlEditor
{
    /// <summary>Sets the value at a dotted path (e.g. "app.verbose"), adding the key, and its table if needed.</summary>
    public static TomlDocument Set(TomlDocument document, string dottedPath, object value)
    {
        var path = TomlPath.Parse(dottedPath);
        var formatted = TomlFormatter.Value(value);
        var text = document.Text;
        string edited;
        var entry = document.FindEntry(path);
        if (entry is not null)
        {
            edited = Splice(text, entry.ValueStart, entry.ValueEnd, formatted);
        }
        else
        {
            CheckCanAdd(document, path, dottedPath);
            edited = Add(document, path, formatted);
        }

        return Reparse(edited, dottedPath);
    }

    /// <summary>Removes the key at a dotted path with its line; returns the document unchanged (and false) if it is not set.</summary>
    public static (TomlDocument Document, bool Removed) Remove(TomlDocument document, string dottedPath)
    {
        var path = TomlPath.Parse(dottedPath);
        var entry = document.FindEntry(path);
        if (entry is null)
        {
            if (document.GetValue(path) is not null)
            {
                throw new InvalidOperationException($"'{dottedPath}' is a table or lies inside an array of tables; remove its keys one by one.");
            }

            return (document, false);
        }

        var text = document.Text;
        string edited;
        if (entry.InlineTable is null)
        {
            edited = Splice(text, entry.LineStart, entry.LineEnd, "");
        }
        else
        {
            var after = SkipSpaces(text, entry.ValueEnd);
            if (after < text.Length && text[after] == ',')
            {
                edited = Splice(text, entry.KeyStart, SkipSpaces(text, after + 1), "");
            }
            else
            {
                var before = entry.KeyStart - 1;
                while (before >= 0 && text[before] is ' ' or '\t')
                {
                    before--;
                }

                edited = text[before] == ',' ? Splice(text, before, entry.ValueEnd, "") : Splice(text, entry.KeyStart, entry.ValueEnd, "");
            }
        }

        return (Reparse(edited, dottedPath), true);
    }

    private static void CheckCanAdd(TomlDocument document, IReadOnlyList<string> path, string dottedPath)
    {
        object current = document.Root;
        for (var i = 0; i < path.Count; i++)
        {
            if (current is Tomlyn.Model.TomlTableArray)
            {
                throw new InvalidOperationException($"'{dottedPath}' lies inside an array of tables, which this editor does not change; edit the file by hand.");
            }

            if (current is not Tomlyn.Model.TomlTable table)
            {
                throw new InvalidOperationException($"'{string.Join(".", path.Take(i))}' holds a value, not a table, so '{dottedPath}' cannot be set.");
            }

            if (!table.TryGetValue(path[i], out current))
            {
                return;
            }
        }

        throw new InvalidOperationException($"'{dottedPath}' is a table; set the keys inside it instead.");
    }

    private static string Add(TomlDocument document, IReadOnlyList<string> path, string formatted)
    {
        var text = document.Text;
        var newline = document.NewLine;
        var parent = path.Take(path.Count - 1).ToList();

        var header = parent.Count == 0 ? null : document.FindHeader(parent);
        if (header is not null)
        {
            var last = header.Entries.Count > 0 ? header.Entries[header.Entries.Count - 1] : null;
            return InsertLine(text, last?.LineEnd ?? header.LineEnd, Indentation(text, last), TomlFormatter.Key(path[path.Count - 1]) + " = " + formatted, newline);
        }

        var inline = parent.Count == 0 ? null : document.FindEntry(parent);
        if (inline?.ValueTable is { } table)
        {
            var key = TomlFormatter.Key(path[path.Count - 1]) + " = " + formatted;
            var close = table.End - 1;
            return table.Entries.Count == 0
                ? Splice(text, table.Start + 1, close, " " + key + " ")
                : Splice(text, table.Entries[table.Entries.Count - 1].ValueEnd, table.Entries[table.Entries.Count - 1].ValueEnd, ", " + key);
        }

        var sibling = LastEntryUnder(document, parent);
        if (sibling is not null)
        {
            var sectionLength = sibling.Section?.Path.Count ?? 0;
            return InsertLine(text, sibling.LineEnd, Indentation(text, sibling), TomlFormatter.Key(path.Skip(sectionLength)) + " = " + formatted, newline);
        }

        if (parent.Count == 0)
        {
            var lastRoot = document.RootEntries.Count > 0 ? document.RootEntries[document.RootEntries.Count - 1] : null;
            var at = lastRoot?.LineEnd ?? (document.Sections.Count > 0 ? document.Sections[0].LineStart : text.Length);
            return InsertLine(text, at, Indentation(text, lastRoot), TomlFormatter.Key(path) + " = " + formatted, newline);
        }

        var end = text.Length;
        var prefix = end == 0 || (end == 1 && document.HasByteOrderMark) ? ""
            : text[end - 1] != '\n' ? newline + newline
            : EndsWithBlankLine(text) ? ""
            : newline;
        return text + prefix + "[" + TomlFormatter.Key(parent) + "]" + newline + TomlFormatter.Key(path[path.Count - 1]) + " = " + formatted + newline;
    }

    /// <summary>The last top-level entry, in a section that is the parent or one of its ancestors, whose dotted key runs through the parent.</summary>
    private static TomlEntry? LastEntryUnder(TomlDocument document, List<string> parent)
    {
        TomlEntry? found = null;
        foreach (var entry in document.RootEntries.Concat(document.Sections.Where(h => !h.IsArrayOfTables).SelectMany(h => h.Entries)))
        {
            var sectionLength = entry.Section?.Path.Count ?? 0;
            if (sectionLength <= parent.Count && entry.Path.Count > parent.Count &&
                entry.Path.Take(parent.Count).SequenceEqual(parent, StringComparer.Ordinal) &&
                (found is null || entry.LineEnd > found.LineEnd))
            {
                found = entry;
            }
        }

        return found;
    }

    private static string InsertLine(string text, int at, string indentation, string line, string newline)
    {
        var lead = at > 0 && at == text.Length && text[at - 1] != '\n' ? newline : "";
        return Splice(text, at, at, lead + indentation + line + newline);
    }

    private static string Indentation(string text, TomlEntry? entry) =>
        entry is null ? "" : text.Substring(entry.LineStart, entry.KeyStart - entry.LineStart);

    private static bool EndsWithBlankLine(string text) =>
        text.EndsWith("\n\n", StringComparison.Ordinal) || text.EndsWith("\r\n\r\n", StringComparison.Ordinal);

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    private static string Splice(string text, int start, int end, string replacement) =>
        new System.Text.StringBuilder(text, 0, start, text.Length + replacement.Length)
            .Append(replacement).Append(text, end, text.Length - end).ToString();

    private static TomlDocument Reparse(string text, string dottedPath)
    {
        try
        {
            return TomlDocument.Parse(text);
        }
        catch (TomlException e)
        {
            throw new InvalidOperationException($"Editing '{dottedPath}' would break the document ({e.Message}); the file was not changed.", e);
        }
    }
}
