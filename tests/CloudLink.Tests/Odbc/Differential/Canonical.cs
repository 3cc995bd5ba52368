using System.Globalization;
using System.Numerics;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>
/// One comparable text per value, whoever read it: the database's client (psql, mariadb, sqlite3),
/// CloudLink's CSV, or a System.Data.Odbc object. Only notation is evened out (t versus 1,
/// 1e+308 versus 1E+308, trailing zeros of a second's fraction, an offset versus UTC); the value
/// itself never is, so a changed digit, character or microsecond stays a disagreement. Text that
/// does not parse as its class is kept as it is, marked, so that it disagrees.
/// </summary>
public static class Canonical
{
    public static string? FromText(ValueClass kind, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return kind switch
        {
            ValueClass.WholeNumber => BigInteger.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : Unparsed(text),
            ValueClass.ExactNumber => text.Trim(),
            ValueClass.DoublePrecision => ParseDouble(text) is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : Unparsed(text),
            ValueClass.SinglePrecision => ParseDouble(text) is { } single ? ((float)single).ToString("R", CultureInfo.InvariantCulture) : Unparsed(text),
            ValueClass.Boolean => text.Trim().ToLowerInvariant() switch
            {
                "t" or "true" or "1" => "1",
                "f" or "false" or "0" => "0",
                _ => Unparsed(text),
            },
            ValueClass.Binary => (text.StartsWith(@"\x", StringComparison.Ordinal) ? text[2..] : text).ToUpperInvariant(),
            ValueClass.Date => text.Trim(),
            ValueClass.Time => Time(text) ?? Unparsed(text),
            ValueClass.Timestamp => Timestamp(text) is { } time ? Format(time) : Unparsed(text),
            ValueClass.TimestampWithZone => TimestampWithZone(text) is { } instant ? Format(instant) + "Z" : Unparsed(text),
            _ => text,
        };
    }

    /// <summary>A System.Data.Odbc value (or the error its GetValue threw) in the same form.</summary>
    public static string? FromObject(ValueClass kind, object? value) => value switch
    {
        null or DBNull => null,
        Exception error => $"!{error.GetType().Name}: {error.Message}",
        byte[] bytes => Convert.ToHexString(bytes),
        bool flag => flag ? "1" : "0",
        DateTime time when kind == ValueClass.Date => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when kind == ValueClass.TimestampWithZone => Format(time) + "Z",
        DateTime time => Format(time),
        TimeSpan span => FromText(kind, Duration(span)),
        float single => FromText(kind, single.ToString("R", CultureInfo.InvariantCulture)),
        double number => FromText(kind, number.ToString("R", CultureInfo.InvariantCulture)),
        IFormattable formattable => FromText(kind, formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => FromText(kind, value.ToString()),
    };

    private static string Unparsed(string text) => $"?{text}";

    private static double? ParseDouble(string text) => text.Trim() switch
    {
        "NaN" or "nan" => double.NaN,
        "Infinity" or "Inf" or "inf" or "+Infinity" => double.PositiveInfinity,
        "-Infinity" or "-Inf" or "-inf" => double.NegativeInfinity,
        var other => double.TryParse(other, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    /// <summary>[-]H:MM:SS[.f]: the fraction without trailing zeros.</summary>
    private static string? Time(string text)
    {
        var trimmed = text.Trim();
        var parts = trimmed.Split(':');
        if (parts.Length != 3 || !parts[0].TrimStart('-').All(char.IsAsciiDigit) || parts[1].Length != 2 || !parts[1].All(char.IsAsciiDigit))
        {
            return null;
        }

        var seconds = parts[2].Split('.');
        if (seconds[0].Length != 2 || !seconds[0].All(char.IsAsciiDigit) || seconds.Length > 2 || (seconds.Length == 2 && !seconds[1].All(char.IsAsciiDigit)))
        {
            return null;
        }

        var negative = parts[0].StartsWith('-');
        var hours = int.Parse(parts[0].TrimStart('-'), CultureInfo.InvariantCulture);
        var fraction = seconds.Length == 2 ? seconds[1].TrimEnd('0') : "";
        return $"{(negative ? "-" : "")}{hours:00}:{parts[1]}:{seconds[0]}{(fraction.Length > 0 ? "." + fraction : "")}";
    }

    private static string Duration(TimeSpan span)
    {
        var total = span.Duration();
        var text = $"{(span < TimeSpan.Zero ? "-" : "")}{(long)total.TotalHours:00}:{total.Minutes:00}:{total.Seconds:00}";
        var ticks = total.Ticks % TimeSpan.TicksPerSecond;
        return ticks == 0 ? text : text + "." + ticks.ToString("0000000", CultureInfo.InvariantCulture);
    }

    /// <summary>yyyy-MM-dd HH:mm:ss with up to seven digits of fraction; a space or a T between date and time.</summary>
    private static DateTime? Timestamp(string text)
    {
        var trimmed = text.Trim().Replace('T', ' ');
        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? trimmed : trimmed[..point];
        if (!DateTime.TryParseExact(whole, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }

        if (point < 0)
        {
            return time;
        }

        var digits = trimmed[(point + 1)..];
        if (digits.Length is 0 or > 7 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return time.AddTicks(long.Parse(digits.PadRight(7, '0'), CultureInfo.InvariantCulture));
    }

    /// <summary>A timestamp followed by an offset (+01, +01:00, -07, Z), as UTC.</summary>
    private static DateTime? TimestampWithZone(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('Z'))
        {
            return Timestamp(trimmed[..^1]);
        }

        var sign = Math.Max(trimmed.LastIndexOf('+'), trimmed.LastIndexOf('-'));
        if (sign < 11 || Timestamp(trimmed[..sign]) is not { } local)
        {
            return null;
        }

        var offset = trimmed[(sign + 1)..].Split(':');
        if (!int.TryParse(offset[0], CultureInfo.InvariantCulture, out var hours))
        {
            return null;
        }

        var minutes = offset.Length > 1 && int.TryParse(offset[1], CultureInfo.InvariantCulture, out var m) ? m : 0;
        var span = new TimeSpan(hours, minutes, 0);
        return trimmed[sign] == '+' ? local - span : local + span;
    }

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
