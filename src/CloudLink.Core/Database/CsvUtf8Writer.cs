using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Unicode;

namespace CloudLink.Core.Database;

/// <summary>
/// Writes RFC 4180 CSV as UTF-8 straight from spans, without a string per value: fields are
/// quoted only when they hold the delimiter, a quote or a line break, and an empty text is written
/// as "" so that it differs from NULL, an empty field (PostgreSQL's CSV convention).
/// </summary>
public sealed class CsvUtf8Writer(Stream output, byte delimiter = (byte)',') : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private byte[] _scratch = new byte[1024];
    private int _length;
    private bool _rowStarted;

    public long RowsWritten { get; private set; }

    public void WriteField(ReadOnlySpan<byte> utf8)
    {
        Separator();
        var needsQuotes = utf8.IsEmpty || utf8.IndexOfAny(delimiter, (byte)'"', (byte)'\n') >= 0 || utf8.IndexOf((byte)'\r') >= 0;
        if (!needsQuotes)
        {
            Append(utf8);
            return;
        }

        AppendByte((byte)'"');
        foreach (var b in utf8)
        {
            if (b == '"')
            {
                AppendByte((byte)'"');
            }

            AppendByte(b);
        }

        AppendByte((byte)'"');
    }

    /// <summary>Writes UTF-16 text as UTF-8; text that is not valid UTF-16 (a lone surrogate) is refused with <see cref="InvalidDataException"/>, never replaced.</summary>
    public void WriteField(ReadOnlySpan<char> utf16)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(utf16.Length);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        if (Utf8.FromUtf16(utf16, _scratch, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new InvalidDataException($"the text holds a lone UTF-16 surrogate (U+{(int)utf16[read]:X4}) at character {read + 1}");
        }

        WriteField(_scratch.AsSpan(0, written));
    }

    public void WriteField(string text) => WriteField(text.AsSpan());

    public void WriteEmpty() => Separator();

    public void WriteInt64(long value) => WriteInteger(value);

    public void WriteUInt64(ulong value) => WriteInteger(value);

    /// <summary>The shortest text that reads back as the same double.</summary>
    public void WriteDouble(double value) => WriteFloatingPoint(value);

    /// <summary>The shortest text that reads back as the same float: 0.1f is written 0.1.</summary>
    public void WriteSingle(float value) => WriteFloatingPoint(value);

    public void EndRow()
    {
        AppendByte((byte)'\r');
        AppendByte((byte)'\n');
        _rowStarted = false;
        RowsWritten++;
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose() => Flush();

    private void WriteInteger<T>(T value)
        where T : IBinaryInteger<T>
    {
        Separator();
        Reserve(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void WriteFloatingPoint<T>(T value)
        where T : IBinaryFloatingPointIeee754<T>
    {
        if (T.IsFinite(value))
        {
            Separator();
            Reserve(32);
            value.TryFormat(_buffer.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture);
            _length += written;
        }
        else
        {
            WriteField(T.IsNaN(value) ? "NaN" : T.IsPositive(value) ? "Infinity" : "-Infinity");
        }
    }

    private void Separator()
    {
        if (_rowStarted)
        {
            AppendByte(delimiter);
        }

        _rowStarted = true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                output.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void AppendByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Flush();
        }

        _buffer[_length++] = value;
    }

    private void Reserve(int bytes)
    {
        if (_buffer.Length - _length < bytes)
        {
            Flush();
        }
    }
}
