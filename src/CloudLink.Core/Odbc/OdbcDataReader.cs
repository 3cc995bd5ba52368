using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>
/// Streams a result set. By default a block cursor: every column bound column-wise into native
/// buffers sized by the command's byte budget, many rows per SQLFetch. Text longer than its
/// bound buffer raises <see cref="OdbcTruncationException"/>; the caller then runs the query again
/// row by row, where long columns are read completely with SQLGetData. Memory stays bounded by
/// the budget (and by the longest single value in row-by-row mode) whatever the row count.
/// </summary>
public sealed unsafe class OdbcDataReader : IDisposable
{
    /// <summary>Text columns declared longer than this (or of unknown length) are bound optimistically at this many characters.</summary>
    private const int BoundTextChars = 2048;

    /// <summary>Refuse a single value larger than this rather than grow without bound.</summary>
    private const int MaxValueBytes = 256 * 1024 * 1024;

    private readonly OdbcCommand _command;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _cancelRegistration;
    private readonly Binding[] _bindings;
    private readonly bool _utf8;
    private readonly int _rowArraySize;
    private readonly IntPtr _rowsFetched;
    private long _rowsInBlock;
    private long _row = -1;
    private bool _finished;

    internal OdbcDataReader(OdbcCommand command, bool rowByRow, CancellationToken cancellation)
    {
        _command = command;
        _cancellation = cancellation;
        _utf8 = command.Connection.UsesUtf8Ansi;
        Columns = Describe();
        _bindings = Columns.Select(Plan).ToArray();
        RowByRow = rowByRow;
        _rowsFetched = Marshal.AllocHGlobal(8);
        *(long*)_rowsFetched = 0;

        var firstUnbound = rowByRow ? Array.FindIndex(_bindings, binding => binding.IsLong) : -1;
        var rowBytes = _bindings.Sum(binding => binding.ElementBytes + 8);
        _rowArraySize = rowByRow ? 1 : Math.Clamp(command.BufferBudgetBytes / Math.Max(1, rowBytes), 1, 16384);
        if (!rowByRow && _rowArraySize > 1)
        {
            _ = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowBindType, OdbcConstants.BindByColumn, 0);
            var rc = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowArraySize, _rowArraySize, 0);
            if (rc == OdbcConstants.SuccessWithInfo && OdbcConstants.Succeeded(OdbcApi.SQLGetStmtAttrW(command.Handle, OdbcConstants.AttrRowArraySize, out var actual, 8, out _)))
            {
                _rowArraySize = (int)Math.Max(1, (long)actual);
            }
            else if (!OdbcConstants.Succeeded(rc))
            {
                _rowArraySize = 1;
            }
        }
        else
        {
            _ = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowArraySize, 1, 0);
        }

        _ = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowsFetchedPointer, _rowsFetched, 0);
        for (var i = 0; i < _bindings.Length; i++)
        {
            var binding = _bindings[i];
            binding.Bound = firstUnbound < 0 || i < firstUnbound;
            if (!binding.Bound)
            {
                binding.Value = new byte[Math.Max(256, binding.ElementBytes)];
                continue;
            }

            binding.Data = Marshal.AllocHGlobal(checked(binding.ElementBytes * _rowArraySize));
            binding.Indicators = Marshal.AllocHGlobal(8 * _rowArraySize);
            command.Check(OdbcApi.SQLBindCol(command.Handle, (ushort)(i + 1), binding.CType, binding.Data, binding.ElementBytes, binding.Indicators),
                $"Binding column {i + 1} ({Columns[i].Name})");
        }

        _cancelRegistration = cancellation.Register(command.Cancel);
    }

    public IReadOnlyList<OdbcColumn> Columns { get; }

    /// <summary>True when long columns are read row by row with SQLGetData.</summary>
    public bool RowByRow { get; }

    /// <summary>Rows per SQLFetch call.</summary>
    public int RowArraySize => _rowArraySize;

    public long RowsRead { get; private set; }

    public bool Read()
    {
        if (_finished)
        {
            return false;
        }

        if (++_row < _rowsInBlock)
        {
            RowsRead++;
            return true;
        }

        _cancellation.ThrowIfCancellationRequested();
        var rc = OdbcApi.SQLFetch(_command.Handle);
        _cancellation.ThrowIfCancellationRequested();
        if (rc == OdbcConstants.NoData)
        {
            _finished = true;
            return false;
        }

        try
        {
            _command.Check(rc, "Fetching rows");
        }
        catch (OdbcException error) when (RefusedLongText(error) is { } column)
        {
            throw new OdbcTruncationException(column, error);
        }

        _rowsInBlock = _rowArraySize == 1 ? 1 : *(long*)_rowsFetched;
        _row = 0;
        if (_rowsInBlock == 0)
        {
            _finished = true;
            return false;
        }

        CheckTruncation();
        if (RowByRow)
        {
            ReadUnbound();
        }

        RowsRead++;
        return true;
    }

    public bool IsNull(int column) => Indicator(column) == OdbcConstants.NullData;

    /// <summary>The current row's value as a .NET object (null for SQL NULL): for previews and tests.</summary>
    public object? GetValue(int column)
    {
        if (IsNull(column))
        {
            return null;
        }

        var binding = _bindings[column];
        return Columns[column].Kind switch
        {
            OdbcValueKind.WholeNumber => *(long*)Element(column),
            OdbcValueKind.FloatingPoint => *(double*)Element(column),
            OdbcValueKind.Flag => *(byte*)Element(column) != 0,
            OdbcValueKind.Date => ToDate(*(OdbcDate*)Element(column)),
            OdbcValueKind.Time => ToTime(*(OdbcTime*)Element(column)),
            OdbcValueKind.Timestamp => ToDateTime(*(OdbcTimestamp*)Element(column)),
            OdbcValueKind.TimestampUtc => new DateTimeOffset(ToDateTime(*(OdbcTimestamp*)Element(column)), TimeSpan.Zero),
            OdbcValueKind.Binary => Bytes(column).ToArray(),
            OdbcValueKind.TimestampWithOffset => NormalizeOffset(Text(column)),
            _ => Text(column),
        };
    }

    /// <summary>Writes the current row's value as one CSV field; NULL is an empty field.</summary>
    public void WriteTo(int column, CsvUtf8Writer writer)
    {
        if (IsNull(column))
        {
            writer.WriteEmpty();
            return;
        }

        var binding = _bindings[column];
        Span<char> formatted = stackalloc char[40];
        switch (Columns[column].Kind)
        {
            case OdbcValueKind.WholeNumber:
                writer.WriteInt64(*(long*)Element(column));
                return;
            case OdbcValueKind.FloatingPoint:
                writer.WriteDouble(*(double*)Element(column));
                return;
            case OdbcValueKind.Flag:
                writer.WriteInt64(*(byte*)Element(column) != 0 ? 1 : 0);
                return;
            case OdbcValueKind.Date:
                writer.WriteField(FormatDate(*(OdbcDate*)Element(column), formatted));
                return;
            case OdbcValueKind.Time:
                writer.WriteField(FormatTime(*(OdbcTime*)Element(column), formatted));
                return;
            case OdbcValueKind.Timestamp:
                writer.WriteField(FormatTimestamp(*(OdbcTimestamp*)Element(column), formatted));
                return;
            case OdbcValueKind.TimestampUtc:
                var utc = FormatTimestamp(*(OdbcTimestamp*)Element(column), formatted);
                "+00:00".AsSpan().CopyTo(formatted[utc.Length..]);
                writer.WriteField(formatted[..(utc.Length + 6)]);
                return;
            case OdbcValueKind.Binary:
                writer.WriteField(Convert.ToHexString(Bytes(column)));
                return;
            case OdbcValueKind.TimestampWithOffset:
                writer.WriteField(NormalizeOffset(Text(column)));
                return;
        }

        if (binding.CType == OdbcConstants.CWChar)
        {
            writer.WriteField(Utf16(column));
        }
        else
        {
            writer.WriteField(Bytes(column));
        }
    }

    public void Dispose()
    {
        _cancelRegistration.Dispose();
        _ = OdbcApi.SQLFreeStmt(_command.Handle, OdbcConstants.FreeStmtClose);
        _ = OdbcApi.SQLFreeStmt(_command.Handle, OdbcConstants.FreeStmtUnbind);
        _ = OdbcApi.SQLSetStmtAttrW(_command.Handle, OdbcConstants.AttrRowsFetchedPointer, IntPtr.Zero, 0);
        foreach (var binding in _bindings)
        {
            if (binding.Data != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(binding.Data);
                Marshal.FreeHGlobal(binding.Indicators);
                binding.Data = IntPtr.Zero;
            }
        }

        Marshal.FreeHGlobal(_rowsFetched);
    }

    private OdbcColumn[] Describe()
    {
        _command.Check(OdbcApi.SQLNumResultCols(_command.Handle, out var count), "Reading the result's columns");
        var columns = new OdbcColumn[count];
        var ansiName = stackalloc byte[512];
        var wideName = stackalloc char[256];
        for (ushort i = 1; i <= count; i++)
        {
            string name;
            short type, digits;
            ulong size;
            if (_utf8)
            {
                _command.Check(OdbcApi.SQLDescribeCol(_command.Handle, i, ansiName, 512, out var length, out type, out size, out digits, out _), $"Describing column {i}");
                name = Encoding.UTF8.GetString(ansiName, Math.Clamp((int)length, 0, 511));
            }
            else
            {
                _command.Check(OdbcApi.SQLDescribeColW(_command.Handle, i, wideName, 256, out var length, out type, out size, out digits, out _), $"Describing column {i}");
                name = new string(wideName, 0, Math.Clamp((int)length, 0, 255));
            }

            var typeName = TypeName(i);
            columns[i - 1] = new OdbcColumn(name, type, typeName, (long)Math.Min(size, long.MaxValue), digits, KindOf(type, typeName, _command.Connection.SessionInUtc));
        }

        return columns;
    }

    private string TypeName(ushort column)
    {
        if (_utf8)
        {
            var buffer = stackalloc byte[128];
            var rc = OdbcApi.SQLColAttribute(_command.Handle, column, OdbcConstants.DescTypeName, buffer, 128, out var length, out _);
            return OdbcConstants.Succeeded(rc) ? Encoding.UTF8.GetString(buffer, Math.Clamp((int)length, 0, 127)) : "";
        }
        else
        {
            var buffer = stackalloc char[64];
            var rc = OdbcApi.SQLColAttributeW(_command.Handle, column, OdbcConstants.DescTypeName, buffer, 128, out var length, out _);
            return OdbcConstants.Succeeded(rc) ? new string(buffer, 0, Math.Clamp(length / 2, 0, 63)) : "";
        }
    }

    private static OdbcValueKind KindOf(short type, string typeName, bool sessionInUtc) => type switch
    {
        _ when sessionInUtc && (typeName.Equals("timestamptz", StringComparison.OrdinalIgnoreCase) ||
                                typeName.Equals("timestamp with time zone", StringComparison.OrdinalIgnoreCase)) => OdbcValueKind.TimestampUtc,
        // psqlODBC reports boolean as character data by default (BoolsAsChar).
        _ when typeName.Equals("bool", StringComparison.OrdinalIgnoreCase) || typeName.Equals("boolean", StringComparison.OrdinalIgnoreCase) => OdbcValueKind.Flag,
        OdbcConstants.SqlBigInt or OdbcConstants.SqlInteger or OdbcConstants.SqlSmallInt or OdbcConstants.SqlTinyInt => OdbcValueKind.WholeNumber,
        OdbcConstants.SqlBit => OdbcValueKind.Flag,
        OdbcConstants.SqlReal or OdbcConstants.SqlFloat or OdbcConstants.SqlDouble => OdbcValueKind.FloatingPoint,
        OdbcConstants.SqlDecimal or OdbcConstants.SqlNumeric => OdbcValueKind.ExactNumber,
        OdbcConstants.SqlTypeDate or OdbcConstants.SqlDateTime => OdbcValueKind.Date,
        OdbcConstants.SqlTypeTime or 10 => OdbcValueKind.Time,
        OdbcConstants.SqlServerTimestampOffset => OdbcValueKind.TimestampWithOffset,
        OdbcConstants.SqlTypeTimestamp or 11 when typeName.Contains("with time zone", StringComparison.OrdinalIgnoreCase) &&
                                                    !typeName.Contains("without", StringComparison.OrdinalIgnoreCase) => OdbcValueKind.TimestampWithOffset,
        OdbcConstants.SqlTypeTimestamp or 11 => OdbcValueKind.Timestamp,
        OdbcConstants.SqlBinary or OdbcConstants.SqlVarBinary or OdbcConstants.SqlLongVarBinary => OdbcValueKind.Binary,
        _ => OdbcValueKind.Text,
    };

    private Binding Plan(OdbcColumn column)
    {
        var longType = column.SqlType is OdbcConstants.SqlLongVarChar or OdbcConstants.SqlWLongVarChar or OdbcConstants.SqlLongVarBinary;
        var chars = column.Size is > 0 and <= BoundTextChars && !longType ? (int)column.Size : BoundTextChars;
        var textType = _utf8 ? OdbcConstants.CChar : OdbcConstants.CWChar;
        int TextBytes(int count) => _utf8 ? (count * 4) + 1 : (count + 1) * 2;
        return column.Kind switch
        {
            OdbcValueKind.WholeNumber => new Binding(OdbcConstants.CSBigInt, 8, isLong: false),
            OdbcValueKind.FloatingPoint => new Binding(OdbcConstants.CDouble, 8, isLong: false),
            OdbcValueKind.Flag => new Binding(OdbcConstants.CBit, 1, isLong: false),
            OdbcValueKind.Date => new Binding(OdbcConstants.CTypeDate, sizeof(OdbcDate), isLong: false),
            OdbcValueKind.Time => new Binding(OdbcConstants.CTypeTime, sizeof(OdbcTime), isLong: false),
            OdbcValueKind.Timestamp or OdbcValueKind.TimestampUtc => new Binding(OdbcConstants.CTypeTimestamp, sizeof(OdbcTimestamp), isLong: false),
            OdbcValueKind.ExactNumber => new Binding(textType, TextBytes(Math.Clamp((int)column.Size + 3, 8, 80)), isLong: false),
            OdbcValueKind.TimestampWithOffset => new Binding(textType, TextBytes(64), isLong: false),
            OdbcValueKind.Binary => new Binding(OdbcConstants.CBinary, chars, isLong: longType || column.Size is <= 0 or > BoundTextChars),
            _ => new Binding(textType, TextBytes(chars), isLong: longType || column.Size is <= 0 or > BoundTextChars),
        };
    }

    private void CheckTruncation()
    {
        if (RowByRow)
        {
            return;
        }

        for (var column = 0; column < _bindings.Length; column++)
        {
            var binding = _bindings[column];
            if (binding.CType is not (OdbcConstants.CChar or OdbcConstants.CWChar or OdbcConstants.CBinary))
            {
                continue;
            }

            var capacity = binding.ElementBytes - (binding.CType == OdbcConstants.CChar ? 1 : binding.CType == OdbcConstants.CWChar ? 2 : 0);
            var indicators = (long*)binding.Indicators;
            for (var row = 0; row < _rowsInBlock; row++)
            {
                if (indicators[row] == OdbcConstants.NoTotal || indicators[row] > capacity)
                {
                    throw new OdbcTruncationException(Columns[column].Name);
                }
            }
        }
    }

    /// <summary>
    /// Some drivers fail a block fetch outright instead of truncating a value longer than its
    /// bound buffer (MariaDB Connector/ODBC 3.1: "[HY000] Ansi to Unicode conversion error"). A
    /// data or general error with a text column bound short is read again row by row; a real
    /// error then comes back from that reading.
    /// </summary>
    private string? RefusedLongText(OdbcException error)
    {
        if (RowByRow || !(error.SqlState == "HY000" || error.SqlState.StartsWith("22", StringComparison.Ordinal)))
        {
            return null;
        }

        var index = Array.FindIndex(_bindings, binding => binding.IsLong);
        return index < 0 ? null : Columns[index].Name;
    }

    /// <summary>Row-by-row mode: reads the columns not bound, in column order, completely.</summary>
    private void ReadUnbound()
    {
        for (var column = 0; column < _bindings.Length; column++)
        {
            var binding = _bindings[column];
            if (binding.Bound)
            {
                continue;
            }

            var terminator = binding.CType == OdbcConstants.CChar ? 1 : binding.CType == OdbcConstants.CWChar ? 2 : 0;
            var total = 0;
            var isNull = false;
            while (true)
            {
                var free = binding.Value!.Length - total;
                short rc;
                long indicator;
                fixed (byte* target = &binding.Value[total])
                {
                    rc = OdbcApi.SQLGetData(_command.Handle, (ushort)(column + 1), binding.CType, (IntPtr)target, free, out indicator);
                }

                if (rc == OdbcConstants.NoData)
                {
                    break;
                }

                _command.Check(rc, $"Reading column {Columns[column].Name}");
                if (indicator == OdbcConstants.NullData)
                {
                    isNull = true;
                    break;
                }

                var pieceFits = indicator != OdbcConstants.NoTotal && indicator <= free - terminator;
                if (pieceFits)
                {
                    total += (int)indicator;
                    break;
                }

                total += free - terminator;
                var grown = indicator == OdbcConstants.NoTotal ? binding.Value.Length * 2 : total + (int)Math.Min(indicator, MaxValueBytes) + terminator + 16;
                if (grown > MaxValueBytes)
                {
                    throw new OdbcException($"Reading column {Columns[column].Name}", "HY000", 0, $"a value is larger than {MaxValueBytes / (1024 * 1024)} MB; select a shorter value");
                }

                Array.Resize(ref binding.Value, Math.Max(grown, binding.Value.Length * 2));
            }

            binding.ValueLength = isNull ? -1 : total;
        }
    }

    private long Indicator(int column)
    {
        var binding = _bindings[column];
        if (!binding.Bound)
        {
            return binding.ValueLength < 0 ? OdbcConstants.NullData : binding.ValueLength;
        }

        return ((long*)binding.Indicators)[_row];
    }

    private IntPtr Element(int column) => _bindings[column].Data + (int)(_row * _bindings[column].ElementBytes);

    private ReadOnlySpan<byte> Bytes(int column)
    {
        var binding = _bindings[column];
        var length = (int)Indicator(column);
        return binding.Bound ? new ReadOnlySpan<byte>((void*)Element(column), length) : binding.Value.AsSpan(0, length);
    }

    private ReadOnlySpan<char> Utf16(int column) => MemoryMarshal.Cast<byte, char>(Bytes(column));

    private string Text(int column) =>
        _bindings[column].CType == OdbcConstants.CWChar ? new string(Utf16(column)) : Encoding.UTF8.GetString(Bytes(column));

    private static DateTime ToDateTime(OdbcTimestamp value) =>
        new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, DateTimeKind.Unspecified).AddTicks(value.Fraction / 100);

    private static DateOnly ToDate(OdbcDate value) => new(value.Year, value.Month, value.Day);

    private static TimeOnly ToTime(OdbcTime value) => new(value.Hour, value.Minute, value.Second);

    private static ReadOnlySpan<char> FormatDate(OdbcDate value, Span<char> target)
    {
        WriteDate(target, value.Year, value.Month, value.Day);
        return target[..10];
    }

    private static ReadOnlySpan<char> FormatTime(OdbcTime value, Span<char> target)
    {
        WriteClock(target, 0, value.Hour, value.Minute, value.Second);
        return target[..8];
    }

    /// <summary>yyyy-MM-dd HH:mm:ss with the fraction (up to nanoseconds) when there is one; written digit by digit, as this runs per value.</summary>
    private static ReadOnlySpan<char> FormatTimestamp(OdbcTimestamp value, Span<char> target)
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

    /// <summary>"2026-03-29 01:30:00+01" becomes "2026-03-29 01:30:00+01:00"; other forms stay as they are.</summary>
    internal static string NormalizeOffset(string text)
    {
        var trimmed = text.Trim();
        var sign = Math.Max(trimmed.LastIndexOf('+'), trimmed.LastIndexOf('-'));
        return sign > 10 && trimmed.Length - sign == 3 ? trimmed + ":00" : trimmed;
    }

    private sealed class Binding(short cType, int elementBytes, bool isLong)
    {
        public short CType { get; } = cType;
        public int ElementBytes { get; } = elementBytes;
        public bool IsLong { get; } = isLong;
        public bool Bound { get; set; }
        public IntPtr Data { get; set; }
        public IntPtr Indicators { get; set; }
        public byte[]? Value;
        public int ValueLength;
    }
}

/// <summary>A value did not fit its bound buffer in a block: run the query again row by row.</summary>
public sealed class OdbcTruncationException(string column, Exception? driverError = null)
    : Exception($"A value of column {column} is longer than its bound buffer; the query must be read row by row.", driverError)
{
    public string Column { get; } = column;
}
