using System.Globalization;
using System.Text;

namespace CloudLink.Core.Config;

/// <summary>
/// Reads the subset of TOML the walking skeleton's config uses: [tables], bare keys, basic and
/// literal strings, booleans, integers and decimal floats, comments. Anything else is an error
/// with its line and column. (The full, format-preserving TOML 1.0 parser replaces this.)
/// </summary>
internal static class MinimalToml
{
    public static Dictionary<string, ConfigValue> Parse(string text, string file)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var table = "";
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var reader = new LineReader(lines[index].TrimEnd('\r'), index + 1, file);
            reader.SkipSpace();
            if (reader.AtEndOrComment)
            {
                continue;
            }

            if (reader.Peek == '[')
            {
                reader.Advance();
                reader.SkipSpace();
                table = reader.BareKey();
                reader.SkipSpace();
                reader.Expect(']');
            }
            else
            {
                var keyColumn = reader.Column;
                var key = reader.BareKey();
                var path = table.Length == 0 ? key : table + "." + key;
                reader.SkipSpace();
                reader.Expect('=');
                reader.SkipSpace();
                var valueColumn = reader.Column;
                var value = reader.Value();
                if (values.ContainsKey(path))
                {
                    throw new ConfigException(file, index + 1, keyColumn, $"the key '{path}' is defined twice; keep one of them.");
                }

                values[path] = new ConfigValue(value, index + 1, valueColumn);
            }

            reader.SkipSpace();
            if (!reader.AtEndOrComment)
            {
                throw reader.Error("unexpected text after the value; put one key = value per line, comments after '#'.");
            }
        }

        return values;
    }

    private sealed class LineReader(string line, int lineNumber, string file)
    {
        private int _position;

        public int Column => _position + 1;
        public char Peek => _position < line.Length ? line[_position] : '\0';
        public bool AtEndOrComment => _position >= line.Length || line[_position] == '#';

        public void Advance() => _position++;

        public void SkipSpace()
        {
            while (_position < line.Length && (line[_position] == ' ' || line[_position] == '\t'))
            {
                _position++;
            }
        }

        public void Expect(char expected)
        {
            if (Peek != expected)
            {
                throw Error($"expected '{expected}' here.");
            }

            _position++;
        }

        public ConfigException Error(string message) => new(file, lineNumber, Column, message);

        public string BareKey()
        {
            var start = _position;
            while (_position < line.Length && (char.IsLetterOrDigit(line[_position]) || line[_position] is '_' or '-' or '.'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw Error("expected a key name (letters, digits, '_' or '-').");
            }

            return line.Substring(start, _position - start);
        }

        public object Value()
        {
            switch (Peek)
            {
                case '"':
                    return BasicString();
                case '\'':
                    return LiteralString();
            }

            var start = _position;
            while (_position < line.Length && !char.IsWhiteSpace(line[_position]) && line[_position] != '#')
            {
                _position++;
            }

            var token = line.Substring(start, _position - start);
            _position = start;
            object? result = token switch
            {
                "true" => true,
                "false" => false,
                _ when long.TryParse(token.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
                _ when double.TryParse(token.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                _ => null,
            };
            if (result is null)
            {
                throw Error(token.Length == 0
                    ? "a value is missing after '='."
                    : $"'{token}' is not a value; write text in double quotes, e.g. \"{token}\".");
            }

            _position += token.Length;
            return result;
        }

        private string LiteralString()
        {
            var end = line.IndexOf('\'', _position + 1);
            if (end < 0)
            {
                throw Error("the string is not closed; end it with ' on the same line.");
            }

            var text = line.Substring(_position + 1, end - _position - 1);
            _position = end + 1;
            return text;
        }

        private string BasicString()
        {
            var builder = new StringBuilder();
            _position++;
            while (true)
            {
                if (_position >= line.Length)
                {
                    throw Error("the string is not closed; end it with \" on the same line.");
                }

                var c = line[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                var escape = _position < line.Length ? line[_position++] : '\0';
                switch (escape)
                {
                    case '\\': builder.Append('\\'); break;
                    case '"': builder.Append('"'); break;
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'u' when _position + 4 <= line.Length && line.Skip(_position).Take(4).All(Uri.IsHexDigit):
                        builder.Append((char)Convert.ToInt32(line.Substring(_position, 4), 16));
                        _position += 4;
                        break;
                    default:
                        _position -= 2;
                        throw Error("unknown escape after '\\'; write a Windows backslash twice, e.g. \"c:\\\\import\".");
                }
            }
        }
    }
}
