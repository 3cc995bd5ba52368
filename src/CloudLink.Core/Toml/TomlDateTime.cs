using System.Globalization;
using System.Text;

namespace CloudLink.Core.Toml;

public enum TomlDateTimeKind
{
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
}

/// <summary>
/// A TOML date-time of any of the four kinds, kept field by field so that local values stay local
/// and nanoseconds survive. Equality is by value: "Z" equals "+00:00".
/// </summary>
public readonly struct TomlDateTime : IEquatable<TomlDateTime>
{
    public TomlDateTime(TomlDateTimeKind kind, int year, int month, int day, int hour, int minute, int second, int nanosecond, int? offsetMinutes)
    {
        Kind = kind;
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        Nanosecond = nanosecond;
        OffsetMinutes = offsetMinutes;
    }

    public TomlDateTimeKind Kind { get; }
    public int Year { get; }
    public int Month { get; }
    public int Day { get; }
    public int Hour { get; }
    public int Minute { get; }
    public int Second { get; }
    public int Nanosecond { get; }

    /// <summary>The UTC offset in minutes of an offset date-time; null for local kinds.</summary>
    public int? OffsetMinutes { get; }

    private bool HasDate => Kind != TomlDateTimeKind.LocalTime;
    private bool HasTime => Kind != TomlDateTimeKind.LocalDate;

    public static bool operator ==(TomlDateTime left, TomlDateTime right) => left.Equals(right);

    public static bool operator !=(TomlDateTime left, TomlDateTime right) => !left.Equals(right);

    /// <summary>RFC 3339 text: the fraction without trailing zeros, "Z" for a zero offset.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (HasDate)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "{0:D4}-{1:D2}-{2:D2}", Year, Month, Day));
        }

        if (HasDate && HasTime)
        {
            text.Append('T');
        }

        if (HasTime)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "{0:D2}:{1:D2}:{2:D2}", Hour, Minute, Second));
            if (Nanosecond != 0)
            {
                text.Append('.').Append(Nanosecond.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
            }
        }

        if (OffsetMinutes is { } offset)
        {
            if (offset == 0)
            {
                text.Append('Z');
            }
            else
            {
                var sign = offset < 0 ? '-' : '+';
                var magnitude = Math.Abs(offset);
                text.Append(sign).Append(string.Format(CultureInfo.InvariantCulture, "{0:D2}:{1:D2}", magnitude / 60, magnitude % 60));
            }
        }

        return text.ToString();
    }

    public bool Equals(TomlDateTime other) =>
        Kind == other.Kind && Year == other.Year && Month == other.Month && Day == other.Day && Hour == other.Hour &&
        Minute == other.Minute && Second == other.Second && Nanosecond == other.Nanosecond && OffsetMinutes == other.OffsetMinutes;

    public override bool Equals(object? obj) => obj is TomlDateTime other && Equals(other);

    public override int GetHashCode() => ((((Year * 13) + Month) * 32) + Day) ^ ((((Hour * 60) + Minute) * 61) + Second) ^ Nanosecond;
}
