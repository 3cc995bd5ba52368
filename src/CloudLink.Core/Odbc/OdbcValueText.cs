using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>
/// The text CloudLink writes for date and time values: ISO 8601 with a space, and a fraction of a
/// second only when there is one, without trailing zeros. Written digit by digit, as this runs per value.
/// </summary>
internal static class OdbcValueText
{
    /// <summary>Room for the longest text these methods write.</summary>
    public const int MaxLength = 40;

    public static ReadOnlySpan<char> Date(in OdbcDate value, Span<char> target)
    {
        WriteDate(target, value.Year, value.Month, value.Day);
        return target[..10];
    }

    /// <summary>yyyy-MM-dd HH:mm:ss with the fraction (up to nanoseconds) when there is one.</summary>
    public static ReadOnlySpan<char> Timestamp(in OdbcTimestamp value, Span<char> target)
    {
        WriteDate(target, value.Year, value.Month, value.Day);
        target[10] = ' ';
        WriteClock(target, 11, value.Hour, value.Minute, value.Second);
        var length = 19;
        if (value.Fraction != 0)
        {
            target[length++] = '.';
            var fraction = (int)Math.Min(value.Fraction, 999_999_999u);
            var digits = 9;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            Digits(target, length, fraction, digits);
            length += digits;
        }

        return target[..length];
    }

    /// <summary>A driver's time text ("13:45:30.250000", "-838:59:59") with trailing zeros of the fraction removed, and the point with them.</summary>
    public static ReadOnlySpan<char> Time(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var point = text.IndexOf('.');
        if (point < 0)
        {
            return text;
        }

        var end = text.Length;
        while (end > point + 1 && text[end - 1] == '0')
        {
            end--;
        }

        return text[..(end == point + 1 ? point : end)];
    }

    /// <summary>"2026-03-29 01:30:00+01" becomes "2026-03-29 01:30:00+01:00"; other forms stay as they are.</summary>
    public static string NormalizeOffset(string text)
    {
        var trimmed = text.Trim();
        var sign = Math.Max(trimmed.LastIndexOf('+'), trimmed.LastIndexOf('-'));
        return sign > 10 && trimmed.Length - sign == 3 ? trimmed + ":00" : trimmed;
    }

    public static DateTime ToDateTime(in OdbcTimestamp value) =>
        new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, DateTimeKind.Unspecified).AddTicks(value.Fraction / 100);

    public static DateOnly ToDate(in OdbcDate value) => new(value.Year, value.Month, value.Day);

    /// <summary>The timestamp struct for a bound parameter, with its fraction to the tick (100 ns).</summary>
    public static OdbcTimestamp FromDateTime(DateTime time) => new()
    {
        Year = (short)time.Year,
        Month = (ushort)time.Month,
        Day = (ushort)time.Day,
        Hour = (ushort)time.Hour,
        Minute = (ushort)time.Minute,
        Second = (ushort)time.Second,
        Fraction = (uint)(time.Ticks % TimeSpan.TicksPerSecond) * 100,
    };

    /// <summary>The digits of a second's fraction that <paramref name="time"/> needs (0 to 7, a tick being 100 ns).</summary>
    public static short FractionDigits(DateTime time)
    {
        var ticks = time.Ticks % TimeSpan.TicksPerSecond;
        if (ticks == 0)
        {
            return 0;
        }

        short digits = 7;
        while (ticks % 10 == 0)
        {
            ticks /= 10;
            digits--;
        }

        return digits;
    }

    /// <summary>yyyy-MM-dd at the start of <paramref name="target"/>.</summary>
    private static void WriteDate(Span<char> target, int year, int month, int day)
    {
        Digits(target, 0, year, 4);
        target[4] = '-';
        Digits(target, 5, month, 2);
        target[7] = '-';
        Digits(target, 8, day, 2);
    }

    /// <summary>HH:mm:ss at <paramref name="at"/>.</summary>
    private static void WriteClock(Span<char> target, int at, int hour, int minute, int second)
    {
        Digits(target, at, hour, 2);
        target[at + 2] = ':';
        Digits(target, at + 3, minute, 2);
        target[at + 5] = ':';
        Digits(target, at + 6, second, 2);
    }

    private static void Digits(Span<char> target, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
