using CloudLink.Core.Toml.Syntax;

namespace CloudLink.Core.Toml;

/// <summary>
/// Recursive-descent parser for TOML 1.0. It records every character as a token (trivia included)
/// and builds the syntax nodes and the value model in one pass, checking the table rules as it
/// goes (no key defined twice, no table defined twice, inline tables closed, arrays of tables
/// only extended by [[header]]).
/// </summary>
internal sealed partial class TomlParser
{
    private readonly string _text;
    private readonly List<TomlToken> _tokens = [];
    private readonly TomlTable _root = new(TableOrigin.Header);
    private readonly List<TomlTableHeaderSyntax> _headers = [];
    private readonly List<TomlKeyValueSyntax> _rootEntries = [];
    private readonly Dictionary<string, TomlKeyValueSyntax> _entriesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TomlTableHeaderSyntax> _headersByPath = new(StringComparer.Ordinal);
    private int _pos;
    private TomlTable _current;
    private List<string> _currentPath = [];
    private TomlTableHeaderSyntax? _section;
    private bool _sectionInArrayOfTables;

    private TomlParser(string text)
    {
        _text = text;
        _current = _root;
    }

    public static TomlDocument Parse(string text)
    {
        var parser = new TomlParser(text);
        parser.ParseDocument();
        return new TomlDocument(text, parser._tokens, parser._root, parser._headers, parser._rootEntries, parser._entriesByPath, parser._headersByPath);
    }

    internal static string PathKey(IEnumerable<string> path) => string.Join("\u0000", path);

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private bool AtEnd => _pos >= _text.Length;

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private TomlException Error(string reason, int? at = null)
    {
        var (line, column) = TextPosition.Of(_text, Math.Min(at ?? _pos, _text.Length));
        return new TomlException(reason, line, column);
    }

    private void Emit(TomlTokenKind kind, int start) => _tokens.Add(new TomlToken(kind, start, _text.Substring(start, _pos - start)));

    private void ParseDocument()
    {
        if (Current == '\uFEFF')
        {
            _pos++;
            Emit(TomlTokenKind.ByteOrderMark, 0);
        }

        while (true)
        {
            var lineStart = _pos;
            SkipWhitespace();
            if (AtEnd)
            {
                return;
            }

            switch (Current)
            {
                case '#':
                    SkipComment();
                    ExpectLineEnd();
                    continue;
                case '\n':
                case '\r':
                    ExpectLineEnd();
                    continue;
                case '[':
                    ParseHeader(lineStart);
                    continue;
                default:
                    ParseTopLevelKeyValue(lineStart);
                    continue;
            }
        }
    }

    private void SkipWhitespace()
    {
        var start = _pos;
        while (Current is ' ' or '\t')
        {
            _pos++;
        }

        if (_pos > start)
        {
            Emit(TomlTokenKind.Whitespace, start);
        }
    }

    /// <summary>Whitespace, newlines and comments, as allowed between the values of an array.</summary>
    private void SkipWhitespaceNewlinesAndComments()
    {
        while (true)
        {
            SkipWhitespace();
            if (Current == '#')
            {
                SkipComment();
            }
            else if (Current == '\n' || (Current == '\r' && Peek(1) == '\n'))
            {
                ExpectNewline();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        var start = _pos;
        _pos++;
        while (!AtEnd && Current != '\n')
        {
            var c = Current;
            if (c == '\r' && Peek(1) == '\n')
            {
                break;
            }

            if (IsControl(c))
            {
                throw Error($"a comment may not contain the control character U+{(int)c:X4}; remove it.");
            }

            _pos++;
        }

        Emit(TomlTokenKind.Comment, start);
    }

    private void ExpectNewline()
    {
        var start = _pos;
        if (Current == '\n')
        {
            _pos++;
        }
        else if (Current == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
        }
        else
        {
            throw Error(Current == '\r' ? "a carriage return must be followed by a line feed." : "expected the end of the line here.");
        }

        Emit(TomlTokenKind.Newline, start);
    }

    /// <summary>After an item: optional whitespace and comment, then a newline or the end of the document.</summary>
    private void ExpectLineEnd()
    {
        SkipWhitespace();
        if (Current == '#')
        {
            SkipComment();
        }

        if (AtEnd)
        {
            return;
        }

        if (Current != '\n' && Current != '\r')
        {
            throw Error($"expected the end of the line, found '{Describe(Current)}'; put each key = value and each [table] on its own line.");
        }

        ExpectNewline();
    }

    private static bool IsControl(char c) => (c < 0x20 && c != '\t') || c == 0x7F;

    private static string Describe(char c) => IsControl(c) || c == '\t' ? $"U+{(int)c:X4}" : c.ToString();

    private void ParseHeader(int lineStart)
    {
        var start = _pos;
        var arrayOfTables = Peek(1) == '[';
        _pos += arrayOfTables ? 2 : 1;
        Emit(TomlTokenKind.OpenBracket, start);
        SkipWhitespace();
        var key = ParseKey();
        SkipWhitespace();
        var close = _pos;
        if (Current != ']' || (arrayOfTables && Peek(1) != ']'))
        {
            throw Error(arrayOfTables ? "expected ']]' to close the array of tables header." : "expected ']' to close the table header.");
        }

        _pos += arrayOfTables ? 2 : 1;
        Emit(TomlTokenKind.CloseBracket, close);
        var header = new TomlTableHeaderSyntax(key, arrayOfTables) { Start = start, End = _pos, LineStart = lineStart };
        OpenSection(header);
        ExpectLineEnd();
        header.LineEnd = _pos;
        _headers.Add(header);
    }

    private void ParseTopLevelKeyValue(int lineStart)
    {
        var entry = ParseKeyValue(_current, _currentPath, depth: 0);
        entry.LineStart = lineStart;
        entry.Section = _section;
        ExpectLineEnd();
        entry.LineEnd = _pos;
        (_section?.Entries ?? _rootEntries).Add(entry);
        if (!_sectionInArrayOfTables)
        {
            _entriesByPath[PathKey(entry.Path)] = entry;
        }
    }

    private TomlKeySyntax ParseKey()
    {
        var key = new TomlKeySyntax { Start = _pos };
        while (true)
        {
            if (key.Parts.Count == TomlLimits.MaxDepth)
            {
                throw Error($"a key may have at most {TomlLimits.MaxDepth} dotted parts.");
            }

            key.Parts.Add(ParseSimpleKey());
            key.End = _pos;
            var beforeDot = _pos;
            SkipWhitespace();
            if (Current != '.')
            {
                // Whitespace after the key belongs to what follows; the token stays where it was emitted.
                key.End = beforeDot;
                return key;
            }

            var dot = _pos++;
            Emit(TomlTokenKind.Dot, dot);
            SkipWhitespace();
        }
    }

    private string ParseSimpleKey()
    {
        var start = _pos;
        switch (Current)
        {
            case '"':
                if (Peek(1) == '"' && Peek(2) == '"')
                {
                    throw Error("a key cannot be a multi-line string; use \"...\" or '...'.");
                }

                return ParseBasicString(start);
            case '\'':
                if (Peek(1) == '\'' && Peek(2) == '\'')
                {
                    throw Error("a key cannot be a multi-line string; use \"...\" or '...'.");
                }

                return ParseLiteralString(start);
        }

        while (IsBareKeyChar(Current))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error(AtEnd
                ? "expected a key at the end of the document."
                : $"expected a key, found '{Describe(Current)}'; bare keys use A-Z, a-z, 0-9, '_' and '-', other keys are quoted.");
        }

        Emit(TomlTokenKind.BareKey, start);
        return _text.Substring(start, _pos - start);
    }

    private static bool IsBareKeyChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';

    /// <summary>key = value, placed into <paramref name="table"/> (whose path is <paramref name="tablePath"/>).</summary>
    private TomlKeyValueSyntax ParseKeyValue(TomlTable table, List<string> tablePath, int depth)
    {
        var key = ParseKey();
        SkipWhitespace();
        if (Current != '=')
        {
            throw Error(AtEnd || Current is '\n' or '\r'
                ? $"expected '=' and a value after the key '{key}'."
                : $"expected '=' after the key '{key}', found '{Describe(Current)}'.");
        }

        var equals = _pos++;
        Emit(TomlTokenKind.Equals, equals);
        SkipWhitespace();
        if (AtEnd || Current is '\n' or '\r' or '#')
        {
            throw Error($"the key '{key}' has no value after '='.");
        }

        var value = ParseValue(depth);
        var path = new List<string>(tablePath);
        path.AddRange(key.Parts);
        var entry = new TomlKeyValueSyntax(key, value, path) { Start = key.Start, End = value.End };
        Assign(table, key, value.Value);
        return entry;
    }

    /// <summary>Places a value under a (dotted) key, creating the tables the dots name.</summary>
    private void Assign(TomlTable table, TomlKeySyntax key, object value)
    {
        var target = table;
        for (var i = 0; i < key.Parts.Count - 1; i++)
        {
            var part = key.Parts[i];
            if (!target.TryGetValue(part, out var existing))
            {
                var created = new TomlTable(TableOrigin.DottedKey);
                target.Add(part, created);
                target = created;
                continue;
            }

            if (existing is TomlTable { Origin: TableOrigin.DottedKey } dotted)
            {
                target = dotted;
                continue;
            }

            throw Error(existing is TomlTable
                ? $"the dotted key '{key}' would add to the table '{string.Join(".", key.Parts.Take(i + 1))}', which is already defined elsewhere; add the key in that table's own section."
                : $"the dotted key '{key}' needs '{string.Join(".", key.Parts.Take(i + 1))}' to be a table, but it already holds a value.", key.Start);
        }

        var last = key.Parts[key.Parts.Count - 1];
        if (target.ContainsKey(last))
        {
            throw Error($"the key '{key}' is defined twice in the same table; keep one of them.", key.Start);
        }

        target.Add(last, value);
    }

    private void OpenSection(TomlTableHeaderSyntax header)
    {
        var key = header.Key;
        var table = _root;
        var inArrayOfTables = false;
        for (var i = 0; i < key.Parts.Count - 1; i++)
        {
            var part = key.Parts[i];
            if (!table.TryGetValue(part, out var existing))
            {
                var created = new TomlTable(TableOrigin.Implicit);
                table.Add(part, created);
                table = created;
                continue;
            }

            switch (existing)
            {
                case TomlTable { Origin: TableOrigin.Inline }:
                    throw Error($"the table '{string.Join(".", key.Parts.Take(i + 1))}' is an inline table and cannot be extended by a header.", key.Start);
                case TomlTable next:
                    table = next;
                    break;
                case TomlArray { IsArrayOfTables: true } tables:
                    table = (TomlTable)tables[tables.Count - 1];
                    inArrayOfTables = true;
                    break;
                default:
                    throw Error($"'{string.Join(".", key.Parts.Take(i + 1))}' already holds a value, so '[{key}]' cannot make it a table.", key.Start);
            }
        }

        var name = key.Parts[key.Parts.Count - 1];
        table.TryGetValue(name, out var current);
        if (header.IsArrayOfTables)
        {
            var element = new TomlTable(TableOrigin.ArrayElement);
            switch (current)
            {
                case null:
                    var tables = new TomlArray(ofTables: true);
                    tables.Add(element);
                    table.Add(name, tables);
                    break;
                case TomlArray { IsArrayOfTables: true } existing:
                    existing.Add(element);
                    break;
                default:
                    throw Error($"'[[{key}]]' cannot add to '{key}', which is already defined as {(current is TomlArray ? "a static array" : "a table or value")}.", key.Start);
            }

            _current = element;
            inArrayOfTables = true;
        }
        else
        {
            switch (current)
            {
                case null:
                    var created = new TomlTable(TableOrigin.Header);
                    table.Add(name, created);
                    _current = created;
                    break;
                case TomlTable { Origin: TableOrigin.Implicit } implicitTable:
                    implicitTable.Origin = TableOrigin.Header;
                    _current = implicitTable;
                    break;
                case TomlTable { Origin: TableOrigin.DottedKey }:
                    throw Error($"the table '[{key}]' was already defined with dotted keys; add its keys there instead of a header.", key.Start);
                case TomlTable:
                    throw Error($"the table '[{key}]' is defined twice; merge the two sections into one.", key.Start);
                case TomlArray { IsArrayOfTables: true }:
                    throw Error($"'[{key}]' is an array of tables; use '[[{key}]]' to add an element.", key.Start);
                default:
                    throw Error($"'{key}' already holds a value, so '[{key}]' cannot make it a table.", key.Start);
            }
        }

        _section = header;
        _currentPath = new List<string>(key.Parts);
        _sectionInArrayOfTables = inArrayOfTables;
        if (!inArrayOfTables)
        {
            _headersByPath[PathKey(key.Parts)] = header;
        }
    }
}
