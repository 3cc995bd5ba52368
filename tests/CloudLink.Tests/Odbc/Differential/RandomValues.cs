using System.Globalization;
using System.Numerics;
using System.Text;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>How a text's length is counted: in UTF-16 code units (what wide ODBC calls return) or in UTF-8 bytes (the ANSI calls).</summary>
public enum TextMeasure
{
    Utf16,
    Utf8,
}

/// <summary>Values for the generated tables, all from one seed, so that a failure can be replayed.</summary>
public sealed class RandomValues(int seed)
{
    /// <summary>Pieces text is built from: ASCII, Latin-1, other scripts, characters outside the BMP, and what CSV and SQL must quote.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "7", " ", "q", "x", "ä", "ß", "é", "ñ", "ğ", "İ", "中", "Ω", "ж", "😀", "𝄞", "🇩🇪", "€",
        ",", ";", "\"", "'", "\\", "\t", "\n", "\r\n", "%", "_",
    ];

    private static readonly string[] Specials = ["😀", "𝄞", "🎉", "𐍈"];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An integer in [min, max] as SQL text, the extremes and zero often.</summary>
    public string WholeNumber(BigInteger min, BigInteger max)
    {
        var roll = _random.NextDouble();
        var value = roll < 0.08 ? min
            : roll < 0.16 ? max
            : roll < 0.2 && min <= 0 && max >= 0 ? BigInteger.Zero
            : min + (Positive((max - min + 1).GetByteCount() + 1) % (max - min + 1));
        return value.ToString(CultureInfo.InvariantCulture);
    }

    private BigInteger Positive(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        buffer[^1] = 0;
        return new BigInteger(buffer);
    }

    /// <summary>An exact decimal with at most <paramref name="precision"/> digits, <paramref name="scale"/> of them after the point; the largest magnitude often.</summary>
    public string ExactNumber(int precision, int scale)
    {
        var sign = Chance(0.4) ? "-" : "";
        if (Chance(0.06))
        {
            return sign + Nines(precision - scale) + (scale > 0 ? "." + Nines(scale) : "");
        }

        var whole = Digits(Between(1, Math.Max(1, precision - scale))).TrimStart('0');
        var fraction = scale > 0 ? "." + Digits(scale) : "";
        return sign + (whole.Length == 0 ? "0" : whole) + fraction;
    }

    /// <summary>A double from random bits (any finite value), or one with at most <paramref name="significantDigits"/> digits where the client prints no more.</summary>
    public double DoublePrecision(int? significantDigits = null)
    {
        if (significantDigits is { } digits)
        {
            var mantissa = long.Parse(Digits(Between(1, digits)), CultureInfo.InvariantCulture);
            var value = double.Parse($"{mantissa}e{Between(-30, 30)}", CultureInfo.InvariantCulture);
            return Chance(0.5) ? -value : value;
        }

        while (true)
        {
            var bits = BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(bits))
            {
                return bits;
            }
        }
    }

    /// <summary>A float from random bits, or one with at most six significant digits where the client prints no more (MariaDB).</summary>
    public float SinglePrecision(bool sixDigits)
    {
        if (sixDigits)
        {
            var mantissa = int.Parse(Digits(Between(1, 6)), CultureInfo.InvariantCulture);
            var value = float.Parse($"{mantissa}e{Between(-12, 12)}", CultureInfo.InvariantCulture);
            return Chance(0.5) ? -value : value;
        }

        while (true)
        {
            var bits = BitConverter.Int32BitsToSingle(_random.Next(int.MinValue, int.MaxValue));
            if (float.IsFinite(bits))
            {
                return bits;
            }
        }
    }

    /// <summary>Text of exactly <paramref name="length"/> code units or bytes, built from all kinds of characters.</summary>
    public string Text(int length, TextMeasure measure)
    {
        var text = new StringBuilder();
        var used = 0;
        while (used < length)
        {
            var piece = Pick(Pieces);
            var size = Size(piece, measure);
            if (used + size > length)
            {
                piece = "a";
                size = 1;
            }

            text.Append(piece);
            used += size;
        }

        var result = text.ToString();
        // mariadb -B prints NULL and the text 'NULL' alike; the generator never makes the text.
        return result == "NULL" ? "NULL?" : result;
    }

    /// <summary>Up to <paramref name="characters"/> characters; sometimes exactly that many, all outside the BMP.</summary>
    public string ShortText(int characters, bool outsideBmp = true)
    {
        if (outsideBmp && Chance(0.15))
        {
            return string.Concat(Enumerable.Range(0, characters).Select(_ => Pick(Specials)));
        }

        var count = Chance(0.3) ? characters : Between(0, characters);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var piece = Pick(Pieces);
            text.Append(piece == "\r\n" || (!outsideBmp && char.IsSurrogate(piece[0])) || piece == "🇩🇪" ? "b" : piece);
        }

        return text.ToString() == "NULL" ? "NULL?" : text.ToString();
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A date-time between 1970 and 2040 with a random fraction of up to six digits, or a moment next to a daylight-saving change.</summary>
    public DateTime Timestamp()
    {
        if (Chance(0.2))
        {
            DateTime[] changes = [new(2026, 3, 29, 1, 0, 0), new(2026, 3, 29, 2, 0, 0), new(2026, 10, 25, 1, 0, 0), new(2026, 10, 25, 2, 0, 0)];
            return Pick(changes).AddTicks(Between(-20, 20) * 10L * Pick<long>([1, 1_000, 1_000_000, 60_000_000]));
        }

        var seconds = _random.NextInt64(0, 70L * 365 * 24 * 3600);
        return new DateTime(1970, 1, 1).AddSeconds(seconds).AddTicks(Fraction());
    }

    /// <summary>Ticks of a fraction of a second with 0 to 6 digits.</summary>
    public long Fraction()
    {
        var digits = Between(0, 6);
        return digits == 0 ? 0 : _random.Next(0, (int)Math.Pow(10, digits)) * (long)Math.Pow(10, 7 - digits);
    }

    private static int Size(string piece, TextMeasure measure) => measure == TextMeasure.Utf16 ? piece.Length : Encoding.UTF8.GetByteCount(piece);

    private string Digits(int count)
    {
        var digits = new char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + _random.Next(10));
        }

        return new string(digits);
    }

    private static string Nines(int count) => new('9', Math.Max(1, count));
}
