using System.Globalization;
using System.Text;
using CloudLink.Core.Toml.Syntax;

namespace CloudLink.Core.Toml;

internal sealed partial class TomlParser
{
    private TomlValueSyntax ParseValue(int depth)
    {
        var start = _pos;
        switch (Current)
        {
            case '"':
                return Scalar(start, Peek(1) == '"' && Peek(2) == '"' ? ParseMultiLineBasicString(start) : ParseBasicString(start));
            case '\'':
                return Scalar(start, Peek(1) == '\'' && Peek(2) == '\'' ? ParseMultiLineLiteralString(start) : ParseLiteralString(start));
            case '[':
                return ParseArray(depth + 1);
            case '{':
                return ParseInlineTable(depth + 1);
            default:
                return Scalar(start, ParseAtom());
        }
    }

    private TomlScalarSyntax Scalar(int start, object value) => new(value) { Start = start, End = _pos };

    private TomlArraySyntax ParseArray(int depth)
    {
        if (depth > TomlLimits.MaxDepth)
        {
            throw Error($"arrays and inline tables are nested more than {TomlLimits.MaxDepth} deep.");
        }

        var syntax = new TomlArraySyntax(new TomlArray()) { Start = _pos };
        var array = (TomlArray)syntax.Value;
        _pos++;
        Emit(TomlTokenKind.OpenBracket, syntax.Start);
        while (true)
        {
            SkipWhitespaceNewlinesAndComments();
            if (Current == ']')
            {
                break;
            }

            if (AtEnd)
            {
                throw Error("the array is not closed; end it with ']'.", syntax.Start);
            }

            var item = ParseValue(depth);
            syntax.Items.Add(item);
            array.Add(item.Value);
            SkipWhitespaceNewlinesAndComments();
            if (Current == ',')
            {
                var comma = _pos++;
                Emit(TomlTokenKind.Comma, comma);
                continue;
            }

            if (Current != ']')
            {
                throw Error(AtEnd ? "the array is not closed; end it with ']'." : $"expected ',' or ']' in the array, found '{Describe(Current)}'.");
            }

            break;
        }

        var close = _pos++;
        Emit(TomlTokenKind.CloseBracket, close);
        syntax.End = _pos;
        return syntax;
    }

    private TomlInlineTableSyntax ParseInlineTable(int depth)
    {
        if (depth > TomlLimits.MaxDepth)
        {
            throw Error($"arrays and inline tables are nested more than {TomlLimits.MaxDepth} deep.");
        }

        var table = new TomlTable(TableOrigin.Inline);
        var syntax = new TomlInlineTableSyntax(table) { Start = _pos };
        _pos++;
        Emit(TomlTokenKind.OpenBrace, syntax.Start);
        SkipWhitespace();
        if (Current != '}')
        {
            while (true)
            {
                if (AtEnd || Current is '\n' or '\r')
                {
                    throw Error("an inline table must be on one line and closed with '}'.");
                }

                var entry = ParseKeyValue(table, [], depth);
                entry.InlineTable = syntax;
                syntax.Entries.Add(entry);
                SkipWhitespace();
                if (Current == ',')
                {
                    var comma = _pos++;
                    Emit(TomlTokenKind.Comma, comma);
                    SkipWhitespace();
                    if (Current == '}')
                    {
                        throw Error("an inline table may not end with a comma in TOML 1.0; remove it.");
                    }

                    continue;
                }

                if (Current != '}')
                {
                    throw Error(AtEnd || Current is '\n' or '\r'
                        ? "an inline table must be on one line and closed with '}'."
                        : $"expected ',' or '}}' in the inline table, found '{Describe(Current)}'.");
                }

                break;
            }
        }

        var close = _pos++;
        Emit(TomlTokenKind.CloseBrace, close);
        syntax.End = _pos;
        Close(table);
        return syntax;
    }

    /// <summary>Marks an inline table and the tables its dotted keys created as complete.</summary>
    private static void Close(TomlTable table)
    {
        table.Origin = TableOrigin.Inline;
        foreach (var entry in table)
        {
            if (entry.Value is TomlTable { Origin: TableOrigin.DottedKey } nested)
            {
                Close(nested);
            }
        }
    }

    private string ParseBasicString(int start)
    {
        var value = new StringBuilder();
        _pos++;
        while (true)
        {
            if (AtEnd || Current is '\n' or '\r')
            {
                throw Error("the string is not closed on its line; end it with '\"' (or use \"\"\" for text over several lines).", start);
            }

            var c = Current;
            if (c == '"')
            {
                _pos++;
                break;
            }

            if (c == '\\')
            {
                ParseEscape(value, multiLine: false);
                continue;
            }

            if (IsControl(c))
            {
                throw Error($"a string may not contain the control character U+{(int)c:X4}; write it as an escape such as \\u{(int)c:X4}.");
            }

            value.Append(c);
            _pos++;
        }

        Emit(TomlTokenKind.BasicString, start);
        return value.ToString();
    }

    private string ParseMultiLineBasicString(int start)
    {
        var value = new StringBuilder();
        _pos += 3;
        SkipNewlineAfterOpening();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("the multi-line string is not closed; end it with '\"\"\"'.", start);
            }

            var c = Current;
            if (c == '"')
            {
                if (TryCloseMultiLine('"', value))
                {
                    break;
                }

                continue;
            }

            if (c == '\\')
            {
                ParseEscape(value, multiLine: true);
                continue;
            }

            AppendMultiLineChar(value, c);
        }

        Emit(TomlTokenKind.MultiLineBasicString, start);
        return value.ToString();
    }

    private string ParseLiteralString(int start)
    {
        _pos++;
        var contentStart = _pos;
        while (true)
        {
            if (AtEnd || Current is '\n' or '\r')
            {
                throw Error("the string is not closed on its line; end it with \"'\" (or use ''' for text over several lines).", start);
            }

            if (Current == '\'')
            {
                break;
            }

            if (IsControl(Current))
            {
                throw Error($"a literal string may not contain the control character U+{(int)Current:X4}.");
            }

            _pos++;
        }

        var value = _text.Substring(contentStart, _pos - contentStart);
        _pos++;
        Emit(TomlTokenKind.LiteralString, start);
        return value;
    }

    private string ParseMultiLineLiteralString(int start)
    {
        var value = new StringBuilder();
        _pos += 3;
        SkipNewlineAfterOpening();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("the multi-line string is not closed; end it with \"'''\".", start);
            }

            var c = Current;
            if (c == '\'')
            {
                if (TryCloseMultiLine('\'', value))
                {
                    break;
                }

                continue;
            }

            AppendMultiLineChar(value, c);
        }

        Emit(TomlTokenKind.MultiLineLiteralString, start);
        return value.ToString();
    }

    private void SkipNewlineAfterOpening()
    {
        if (Current == '\n')
        {
            _pos++;
        }
        else if (Current == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
        }
    }

    private void AppendMultiLineChar(StringBuilder value, char c)
    {
        if (c == '\r')
        {
            if (Peek(1) != '\n')
            {
                throw Error("a carriage return must be followed by a line feed.");
            }

            value.Append("\r\n");
            _pos += 2;
            return;
        }

        if (IsControl(c) && c != '\n')
        {
            throw Error($"a string may not contain the control character U+{(int)c:X4}.");
        }

        value.Append(c);
        _pos++;
    }

    /// <summary>At a quote inside a multi-line string: closes it on three or more quotes (up to two more belong to the content).</summary>
    private bool TryCloseMultiLine(char quote, StringBuilder value)
    {
        var run = 0;
        while (Peek(run) == quote)
        {
            run++;
        }

        if (run < 3)
        {
            value.Append(quote, run);
            _pos += run;
            return false;
        }

        if (run > 5)
        {
            throw Error($"too many quotes in a row: at most two {quote} may stand right before the closing {new string(quote, 3)}.");
        }

        value.Append(quote, run - 3);
        _pos += run;
        return true;
    }

    private void ParseEscape(StringBuilder value, bool multiLine)
    {
        var at = _pos;
        var e = Peek(1);
        _pos += 2;
        switch (e)
        {
            case 'b': value.Append('\b'); return;
            case 't': value.Append('\t'); return;
            case 'n': value.Append('\n'); return;
            case 'f': value.Append('\f'); return;
            case 'r': value.Append('\r'); return;
            case '"': value.Append('"'); return;
            case '\\': value.Append('\\'); return;
            case 'u': AppendCodePoint(value, 4, at); return;
            case 'U': AppendCodePoint(value, 8, at); return;
        }

        if (multiLine && (e is ' ' or '\t' or '\n' || (e == '\r' && Current == '\n')))
        {
            // A line-ending backslash: trims the newline and all whitespace up to the next text.
            _pos--;
            while (Current is ' ' or '\t')
            {
                _pos++;
            }

            if (Current != '\n' && !(Current == '\r' && Peek(1) == '\n'))
            {
                throw Error("only whitespace may follow a line-ending backslash on its line.", at);
            }

            while (Current is ' ' or '\t' or '\n' || (Current == '\r' && Peek(1) == '\n'))
            {
                _pos += Current == '\r' ? 2 : 1;
            }

            return;
        }

        throw Error(
            $"'\\{(e == '\0' ? "" : Describe(e))}' is not an escape; use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX, and write a Windows backslash twice (\"c:\\\\import\") or use a literal string ('c:\\import').",
            at);
    }

    private void AppendCodePoint(StringBuilder value, int digits, int at)
    {
        long code = 0;
        for (var i = 0; i < digits; i++)
        {
            var digit = HexValue(Current);
            if (digit < 0)
            {
                throw Error($"\\{(digits == 4 ? 'u' : 'U')} needs exactly {digits} hexadecimal digits.", at);
            }

            code = (code * 16) + digit;
            _pos++;
        }

        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            throw Error($"U+{code:X} is not a Unicode scalar value.", at);
        }

        value.Append(char.ConvertFromUtf32((int)code));
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A bare value: boolean, number or date-time (which may hold one space between date and time).</summary>
    private object ParseAtom()
    {
        var start = _pos;
        while (IsAtomChar(Current))
        {
            _pos++;
        }

        if (_pos - start == 10 && Current == ' ' && IsDigit(Peek(1)) && IsDigit(Peek(2)) && Peek(3) == ':' && TomlScalars.IsDate(_text, start))
        {
            _pos++;
            while (IsAtomChar(Current))
            {
                _pos++;
            }
        }

        var text = _text.Substring(start, _pos - start);
        if (text.Length == 0)
        {
            throw Error(AtEnd || Current is '\n' or '\r'
                ? "a value is missing."
                : $"'{Describe(Current)}' cannot start a value; text must be quoted, e.g. \"text\".");
        }

        var (kind, value, problem) = TomlScalars.Classify(text);
        if (value is null)
        {
            throw Error(problem!, start);
        }

        Emit(kind, start);
        return value;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAtomChar(char c) => IsBareKeyChar(c) || c is '+' or '.' or ':';
}
