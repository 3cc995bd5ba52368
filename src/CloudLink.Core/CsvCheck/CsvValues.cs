using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CloudLink.Core.Database;

namespace CloudLink.Core.CsvCheck;

/// <summary>Reads field values (UTF-8 bytes) as the cloud does, without making strings of the usual ones.</summary>
internal static class CsvValues
{
    private static readonly byte[][] ChannelBytes = DataType.Channels.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>A decimal number with '.' (12, 12.5, -3); no thousands separators, no exponent.</summary>
    public static bool IsNumber(ReadOnlySpan<byte> value) =>
        Utf8Parser.TryParse(value, out decimal _, out var consumed) && consumed == value.Length && value.IndexOfAny((byte)'e', (byte)'E') < 0;

    public static bool IsBoolean(ReadOnlySpan<byte> value) =>
        Equals(value, "true"u8) || Equals(value, "false"u8) || Equals(value, "TRUE"u8) || Equals(value, "FALSE"u8);

    public static bool IsChannel(ReadOnlySpan<byte> value)
    {
        foreach (var channel in ChannelBytes)
        {
            if (value.SequenceEqual(channel))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A timestamp in the integration's format: ISO 8601, or a .NET format read exactly.</summary>
    public static bool IsTimestamp(ReadOnlySpan<byte> value, string format) =>
        format == "iso" ? IsIsoTimestamp(value) : DateTime.TryParseExact(Encoding.UTF8.GetString(value.ToArray()), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>yyyy-MM-dd, then 'T' or ' ' and HH:mm, optional :ss and fraction, optional Z or ±hh:mm; a date that exists.</summary>
    public static bool IsIsoTimestamp(ReadOnlySpan<byte> value)
    {
        if (value.Length < 16 || value[4] != '-' || value[7] != '-' || value[10] is not ((byte)'T' or (byte)' ') || value[13] != ':' ||
            !Digits(value, 0, 4, out var year) || !Digits(value, 5, 2, out var month) || !Digits(value, 8, 2, out var day) ||
            !Digits(value, 11, 2, out var hour) || !Digits(value, 14, 2, out var minute))
        {
            return false;
        }

        var at = 16;
        var second = 0;
        if (at < value.Length && value[at] == ':')
        {
            if (!Digits(value, at + 1, 2, out second))
            {
                return false;
            }

            at += 3;
            if (at < value.Length && value[at] == '.')
            {
                var start = ++at;
                while (at < value.Length && value[at] is >= (byte)'0' and <= (byte)'9')
                {
                    at++;
                }

                if (at == start)
                {
                    return false;
                }
            }
        }

        if (at < value.Length)
        {
            if (value[at] == 'Z' && at == value.Length - 1)
            {
                at++;
            }
            else if (value[at] is (byte)'+' or (byte)'-' && value.Length - at == 6 && value[at + 3] == ':' &&
                     Digits(value, at + 1, 2, out var offsetHours) && Digits(value, at + 4, 2, out var offsetMinutes) && offsetHours <= 14 && offsetMinutes < 60)
            {
                at += 6;
            }
            else
            {
                return false;
            }
        }

        return at == value.Length && month is >= 1 and <= 12 && year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month) &&
            hour < 24 && minute < 60 && second < 60;
    }

    /// <summary>The value for a message: decoded (bad bytes shown as U+FFFD) and cut to 100 characters.</summary>
    public static string Show(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value.ToArray());
        return text.Length > 100 ? new StringBuilder(text, 0, 100, 101).Append('…').ToString() : text;
    }

    private static bool Equals(ReadOnlySpan<byte> value, ReadOnlySpan<byte> expected) => value.SequenceEqual(expected);

    private static bool Digits(ReadOnlySpan<byte> value, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            if (i >= value.Length || value[i] is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return true;
    }
}
