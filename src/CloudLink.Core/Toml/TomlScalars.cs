using System.Globalization;
using CloudLink.Core.Toml.Syntax;

namespace CloudLink.Core.Toml;

/// <summary>Reads the bare scalars of TOML 1.0: booleans, integers in four bases, floats and date-times.</summary>
internal static class TomlScalars
{
    public static (TomlTokenKind Kind, object? Value, string? Problem) Classify(string text)
    {
        switch (text)
        {
            case "true": return (TomlTokenKind.BooleanLiteral, true, null);
            case "false": return (TomlTokenKind.BooleanLiteral, false, null);
            case "inf" or "+inf": return (TomlTokenKind.FloatLiteral, double.PositiveInfinity, null);
            case "-inf": return (TomlTokenKind.FloatLiteral, double.NegativeInfinity, null);
            case "nan" or "+nan" or "-nan": return (TomlTokenKind.FloatLiteral, double.NaN, null);
        }

        if (text.Length >= 5 && IsDigit(text[0]) && (text[2] == ':' || (text.Length >= 10 && text[4] == '-')))
        {
            return TryDateTime(text, out var dateTime, out var problem)
                ? (TomlTokenKind.DateTime, dateTime, null)
                : (TomlTokenKind.DateTime, null, problem);
        }

        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'o' or 'b')
        {
            return PrefixedInteger(text);
        }

        var isFloat = text.IndexOfAny(['.', 'e', 'E']) >= 0;
        if (!IsDecimalNumber(text, isFloat))
        {
            return (isFloat ? TomlTokenKind.FloatLiteral : TomlTokenKind.IntegerLiteral, null, Unknown(text));
        }

        var digits = text.Replace("_", "");
        if (!isFloat)
        {
            return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? (TomlTokenKind.IntegerLiteral, integer, null)
                : (TomlTokenKind.IntegerLiteral, null, $"the integer {text} does not fit in 64 bits (-9223372036854775808 to 9223372036854775807).");
        }

        var number = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsInfinity(number)
            ? (TomlTokenKind.FloatLiteral, null, $"the float {text} is too large for a 64-bit float.")
            : (TomlTokenKind.FloatLiteral, number, null);
    }

    private static string Unknown(string text) =>
        $"'{text}' is not a valid value: text must be in quotes (\"{text}\"); numbers use digits with single '_' between them, no leading zeros, and digits on both sides of '.'; booleans are true or false.";

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Decimal integer or float syntax: sign, no leading zero, '_' only between digits, digits around '.'.</summary>
    private static bool IsDecimalNumber(string text, bool isFloat)
    {
        var i = 0;
        if (text[i] is '+' or '-')
        {
            i++;
        }

        var integerStart = i;
        if (!Digits(text, ref i))
        {
            return false;
        }

        if (text[integerStart] == '0' && i - integerStart > 1)
        {
            return false;
        }

        if (!isFloat)
        {
            return i == text.Length;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>Reads digits with single underscores between them; false if there are none or an underscore is misplaced.</summary>
    private static bool Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (IsDigit(text[i]) || text[i] == '_'))
        {
            if (text[i] == '_' && (i == start || i + 1 >= text.Length || !IsDigit(text[i + 1])))
            {
                return false;
            }

            i++;
        }

        return i > start;
    }

    private static (TomlTokenKind, object?, string?) PrefixedInteger(string text)
    {
        var (radix, name) = text[1] switch
        {
            'x' => (16, "hexadecimal"),
            'o' => (8, "octal"),
            _ => (2, "binary"),
        };
        ulong value = 0;
        var previousUnderscore = true;
        for (var i = 2; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                if (previousUnderscore || i == text.Length - 1)
                {
                    return (TomlTokenKind.IntegerLiteral, null, $"'{text}': '_' must stand between two digits.");
                }

                previousUnderscore = true;
                continue;
            }

            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return (TomlTokenKind.IntegerLiteral, null, $"'{text}' is not a valid {name} integer.");
            }

            if (value > (long.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return (TomlTokenKind.IntegerLiteral, null, $"the integer {text} does not fit in 64 bits.");
            }

            value = (value * (ulong)radix) + (ulong)digit;
            previousUnderscore = false;
        }

        return (TomlTokenKind.IntegerLiteral, (long)value, null);
    }

    /// <summary>True if <paramref name="text"/> holds YYYY-MM-DD at <paramref name="start"/>.</summary>
    public static bool IsDate(string text, int start) =>
        start + 10 <= text.Length && IsDigit(text[start]) && IsDigit(text[start + 1]) && IsDigit(text[start + 2]) && IsDigit(text[start + 3]) &&
        text[start + 4] == '-' && IsDigit(text[start + 5]) && IsDigit(text[start + 6]) && text[start + 7] == '-' &&
        IsDigit(text[start + 8]) && IsDigit(text[start + 9]);

    public static bool TryDateTime(string text, out TomlDateTime value, out string? problem)
    {
        value = default;
        problem = $"'{text}' is not a valid date or time; write 1979-05-27, 07:32:00, 1979-05-27T07:32:00 or 1979-05-27T07:32:00Z.";
        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, nanosecond = 0;
        int? offset = null;
        var i = 0;
        var hasDate = IsDate(text, 0);
        if (hasDate)
        {
            year = Number(text, 0, 4);
            month = Number(text, 5, 2);
            day = Number(text, 8, 2);
            i = 10;
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month))
            {
                problem = $"'{text}' names a day that does not exist.";
                return false;
            }

            if (i == text.Length)
            {
                value = new TomlDateTime(TomlDateTimeKind.LocalDate, year, month, day, 0, 0, 0, 0, null);
                return true;
            }

            if (text[i] is not ('T' or 't' or ' '))
            {
                return false;
            }

            i++;
        }

        if (!(i + 8 <= text.Length && IsDigit(text[i]) && IsDigit(text[i + 1]) && text[i + 2] == ':' &&
              IsDigit(text[i + 3]) && IsDigit(text[i + 4]) && text[i + 5] == ':' && IsDigit(text[i + 6]) && IsDigit(text[i + 7])))
        {
            return false;
        }

        hour = Number(text, i, 2);
        minute = Number(text, i + 3, 2);
        second = Number(text, i + 6, 2);
        i += 8;
        if (hour > 23 || minute > 59 || second > 60)
        {
            problem = $"'{text}' has an hour, minute or second out of range.";
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fractionStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                if (i - fractionStart < 9)
                {
                    nanosecond = (nanosecond * 10) + (text[i] - '0');
                }

                i++;
            }

            if (i == fractionStart)
            {
                return false;
            }

            for (var scale = Math.Min(9, i - fractionStart); scale < 9; scale++)
            {
                nanosecond *= 10;
            }
        }

        if (i < text.Length)
        {
            if (!hasDate)
            {
                return false;
            }

            if (text[i] is 'Z' or 'z' && i + 1 == text.Length)
            {
                offset = 0;
            }
            else if (text[i] is '+' or '-' && i + 6 == text.Length && IsDigit(text[i + 1]) && IsDigit(text[i + 2]) &&
                     text[i + 3] == ':' && IsDigit(text[i + 4]) && IsDigit(text[i + 5]))
            {
                var offsetHours = Number(text, i + 1, 2);
                var offsetMinutes = Number(text, i + 4, 2);
                if (offsetHours > 23 || offsetMinutes > 59)
                {
                    problem = $"'{text}' has a time zone offset out of range.";
                    return false;
                }

                offset = (text[i] == '-' ? -1 : 1) * ((offsetHours * 60) + offsetMinutes);
            }
            else
            {
                return false;
            }
        }

        var kind = !hasDate ? TomlDateTimeKind.LocalTime : offset is null ? TomlDateTimeKind.LocalDateTime : TomlDateTimeKind.OffsetDateTime;
        value = new TomlDateTime(kind, year, month, day, hour, minute, second, nanosecond, offset);
        problem = null;
        return true;
    }

    private static int Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }
}
