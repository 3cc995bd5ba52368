using System.Runtime.InteropServices;
using System.Text;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>
/// Streams a result set exactly as the driver returns it. By default a block cursor: every column
/// bound column-wise, many rows per SQLFetch, within the command's byte budget. Buffers are sized
/// for the longest value a column's declared size allows; after each block every row's status and
/// every length indicator is checked, and a value that did not fit (or a driver that reports 01004)
/// raises <see cref="OdbcTruncationException"/>: the caller then runs the query again row by row,
/// where every column of every row is read with SQLGetData, completely, whatever its type. Nothing
/// is ever read past what the driver wrote.
/// </summary>
public sealed unsafe class OdbcDataReader : IDisposable
{
    /// <summary>Refuse a single value larger than this rather than grow without bound.</summary>
    private const int MaxValueBytes = 256 * 1024 * 1024;

    private readonly OdbcCommand _command;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _cancelRegistration;
    private readonly OdbcColumnBuffer[] _buffers;
    private readonly bool _utf8;
    private readonly int _rowArraySize;
    private readonly IntPtr _rowsFetched;
    private readonly IntPtr _rowStatus;
    private long _rowsInBlock;
    private long _row = -1;
    private bool _finished;

    internal OdbcDataReader(OdbcCommand command, bool rowByRow, CancellationToken cancellation)
    {
        _command = command;
        _cancellation = cancellation;
        _utf8 = command.Connection.UsesUtf8Ansi;
        Columns = OdbcResultColumns.Describe(command);
        _buffers = Columns.Select(column => OdbcColumnBuffer.For(column, _utf8)).ToArray();
        RowByRow = rowByRow;
        _rowArraySize = rowByRow ? 1 : BlockSize(command, _buffers);
        _rowsFetched = Marshal.AllocHGlobal(8);
        *(long*)_rowsFetched = 0;
        _rowStatus = Marshal.AllocHGlobal(2 * _rowArraySize);
        new Span<ushort>((void*)_rowStatus, _rowArraySize).Clear();
        _ = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowsFetchedPointer, _rowsFetched, 0);
        _ = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowStatusPointer, _rowStatus, 0);
        for (var i = 0; i < _buffers.Length; i++)
        {
            var buffer = _buffers[i];
            buffer.Allocate(_rowArraySize);
            if (!rowByRow)
            {
                command.Check(OdbcApi.SQLBindCol(command.Handle, (ushort)(i + 1), buffer.CType, buffer.Data, buffer.ElementBytes, buffer.Indicators),
                    $"Binding column {i + 1} ({Columns[i].Name})");
            }
        }

        _cancelRegistration = cancellation.Register(command.Cancel);
    }

    public IReadOnlyList<OdbcColumn> Columns { get; }

    /// <summary>True when every value is read with SQLGetData, one row per SQLFetch.</summary>
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
        if (!RowByRow)
        {
            foreach (var buffer in _buffers)
            {
                buffer.ResetIndicators(_rowArraySize);
            }
        }

        var rc = OdbcApi.SQLFetch(_command.Handle);
        _cancellation.ThrowIfCancellationRequested();
        if (rc == OdbcConstants.NoData)
        {
            _finished = true;
            return false;
        }

        CheckFetch(rc);
        _rowsInBlock = RowByRow ? 1 : *(long*)_rowsFetched;
        _row = 0;
        if (_rowsInBlock <= 0)
        {
            _finished = true;
            return false;
        }

        if (_rowsInBlock > _rowArraySize)
        {
            throw new OdbcException("Fetching rows", "HY000", 0, $"the driver reported {_rowsInBlock} rows in a block of {_rowArraySize}");
        }

        if (RowByRow)
        {
            for (var column = 0; column < _buffers.Length; column++)
            {
                ReadWhole(column);
            }
        }
        else
        {
            CheckBlock(rc);
        }

        RowsRead++;
        return true;
    }

    public bool IsNull(int column) => Indicator(column) == OdbcConstants.NullData;

    /// <summary>
    /// The current row's value as a .NET object (null for SQL NULL): for previews and tests. Exact
    /// numbers and times are the driver's text (see <see cref="OdbcValueKind"/>), so nothing is rounded.
    /// </summary>
    public object? GetValue(int column)
    {
        if (IsNull(column))
        {
            return null;
        }

        var element = Element(column);
        return Columns[column].Kind switch
        {
            OdbcValueKind.WholeNumber => *(long*)element,
            OdbcValueKind.UnsignedWholeNumber => *(ulong*)element,
            OdbcValueKind.FloatingPoint => *(double*)element,
            OdbcValueKind.SinglePrecision => (float)*(double*)element,
            OdbcValueKind.Flag => *(byte*)element != 0,
            OdbcValueKind.Date => OdbcValueText.ToDate(*(OdbcDate*)element),
            OdbcValueKind.Timestamp => OdbcValueText.ToDateTime(*(OdbcTimestamp*)element),
            OdbcValueKind.TimestampUtc => new DateTimeOffset(OdbcValueText.ToDateTime(*(OdbcTimestamp*)element), TimeSpan.Zero),
            OdbcValueKind.Binary => Bytes(column).ToArray(),
            OdbcValueKind.TimestampWithOffset => OdbcValueText.NormalizeOffset(Text(column)),
            OdbcValueKind.Time => OdbcValueText.Time(Text(column)).ToString(),
            _ => Text(column),
        };
    }

    /// <summary>Writes the current row's value as one CSV field; NULL is an empty field, an empty text a quoted one.</summary>
    public void WriteTo(int column, CsvUtf8Writer writer)
    {
        if (IsNull(column))
        {
            writer.WriteEmpty();
            return;
        }

        var element = Element(column);
        Span<char> formatted = stackalloc char[OdbcValueText.MaxLength];
        switch (Columns[column].Kind)
        {
            case OdbcValueKind.WholeNumber:
                writer.WriteInt64(*(long*)element);
                return;
            case OdbcValueKind.UnsignedWholeNumber:
                writer.WriteUInt64(*(ulong*)element);
                return;
            case OdbcValueKind.FloatingPoint:
                writer.WriteDouble(*(double*)element);
                return;
            case OdbcValueKind.SinglePrecision:
                writer.WriteSingle((float)*(double*)element);
                return;
            case OdbcValueKind.Flag:
                writer.WriteInt64(*(byte*)element != 0 ? 1 : 0);
                return;
            case OdbcValueKind.Date:
                writer.WriteField(OdbcValueText.Date(*(OdbcDate*)element, formatted));
                return;
            case OdbcValueKind.Timestamp:
                writer.WriteField(OdbcValueText.Timestamp(*(OdbcTimestamp*)element, formatted));
                return;
            case OdbcValueKind.TimestampUtc:
                var utc = OdbcValueText.Timestamp(*(OdbcTimestamp*)element, formatted);
                "+00:00".AsSpan().CopyTo(formatted[utc.Length..]);
                writer.WriteField(formatted[..(utc.Length + 6)]);
                return;
            case OdbcValueKind.Binary:
                writer.WriteField(Convert.ToHexString(Bytes(column)));
                return;
            case OdbcValueKind.TimestampWithOffset:
                writer.WriteField(OdbcValueText.NormalizeOffset(Text(column)));
                return;
            case OdbcValueKind.Time:
                writer.WriteField(OdbcValueText.Time(Text(column)));
                return;
        }

        try
        {
            if (_buffers[column].CType == OdbcConstants.CWChar)
            {
                writer.WriteField(Utf16(column));
            }
            else
            {
                writer.WriteField(Bytes(column));
            }
        }
        catch (InvalidDataException error)
        {
            throw new OdbcException("Reading rows", "22018", 0,
                $"row {RowsRead}, column {Columns[column].Name}: {error.Message}; the database holds text CloudLink cannot write as UTF-8 without changing it. Convert or exclude the value in the query.");
        }
    }

    public void Dispose()
    {
        _cancelRegistration.Dispose();
        _command.EndStatement();
        _ = OdbcApi.SQLFreeStmt(_command.Handle, OdbcConstants.FreeStmtClose);
        _ = OdbcApi.SQLFreeStmt(_command.Handle, OdbcConstants.FreeStmtUnbind);
        _ = OdbcApi.SQLSetStmtAttrW(_command.Handle, OdbcConstants.AttrRowsFetchedPointer, IntPtr.Zero, 0);
        _ = OdbcApi.SQLSetStmtAttrW(_command.Handle, OdbcConstants.AttrRowStatusPointer, IntPtr.Zero, 0);
        _ = OdbcApi.SQLSetStmtAttrW(_command.Handle, OdbcConstants.AttrRowArraySize, 1, 0);
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }

        Marshal.FreeHGlobal(_rowsFetched);
        Marshal.FreeHGlobal(_rowStatus);
    }

    /// <summary>As many rows per fetch as fit the budget (the driver may lower it), column-wise binding.</summary>
    private static int BlockSize(OdbcCommand command, OdbcColumnBuffer[] buffers)
    {
        var rowBytes = buffers.Sum(buffer => (long)buffer.ElementBytes + 8) + 2;
        var wanted = (int)Math.Clamp(command.BufferBudgetBytes / Math.Max(1, rowBytes), 1, 16384);
        _ = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowBindType, OdbcConstants.BindByColumn, 0);
        var rc = OdbcApi.SQLSetStmtAttrW(command.Handle, OdbcConstants.AttrRowArraySize, wanted, 0);
        if (rc == OdbcConstants.SuccessWithInfo &&
            OdbcConstants.Succeeded(OdbcApi.SQLGetStmtAttrW(command.Handle, OdbcConstants.AttrRowArraySize, out var actual, 8, out _)))
        {
            return (int)Math.Clamp((long)actual, 1, wanted);
        }

        return OdbcConstants.Succeeded(rc) ? wanted : 1;
    }

    private void CheckFetch(short rc)
    {
        if (OdbcConstants.Succeeded(rc))
        {
            return;
        }

        var error = _command.Failure(rc, "Fetching rows");
        throw ReadAgainRowByRow(error) ? new OdbcTruncationException(error) : error;
    }

    /// <summary>
    /// Every row of the block fetched without error, and every variable-length value within its
    /// element. A driver that only says 01004 ("string data, right truncated") is believed too.
    /// </summary>
    private void CheckBlock(short rc)
    {
        var status = (ushort*)_rowStatus;
        for (var row = 0; row < _rowsInBlock; row++)
        {
            if (status[row] == OdbcConstants.RowError)
            {
                var error = _command.Failure(OdbcConstants.Error, $"Fetching row {RowsRead + row + 1}");
                throw ReadAgainRowByRow(error) ? new OdbcTruncationException(error) : error;
            }
        }

        for (var column = 0; column < _buffers.Length; column++)
        {
            var buffer = _buffers[column];
            if (!buffer.Variable)
            {
                continue;
            }

            for (var row = 0; row < _rowsInBlock; row++)
            {
                var indicator = buffer.Indicator(row);
                if (indicator == OdbcConstants.NullData)
                {
                    continue;
                }

                if (indicator == OdbcConstants.NoTotal || indicator > buffer.Capacity)
                {
                    throw new OdbcTruncationException(Columns[column].Name);
                }

                if (indicator == OdbcColumnBuffer.NotWritten)
                {
                    throw new OdbcException($"Fetching row {RowsRead + row + 1}", "HY000", 0, $"the driver returned no length for column {Columns[column].Name}");
                }

                CheckLength(column, indicator);
            }
        }

        if (rc == OdbcConstants.SuccessWithInfo && _command.Diagnostics().Contains("01004"))
        {
            throw new OdbcTruncationException(Columns.Count == 1 ? Columns[0].Name : "(the driver did not say which)");
        }
    }

    /// <summary>
    /// Some drivers fail a block, or a row of it, instead of truncating a value longer than its
    /// element (MariaDB Connector/ODBC 3.1: "[HY000] Ansi to Unicode conversion error", or
    /// SQL_ROW_ERROR without any diagnostic). A block that fails with a data or general error is
    /// read again row by row, where every value is read whole; a real error comes back from that reading.
    /// </summary>
    private bool ReadAgainRowByRow(OdbcException error) =>
        !RowByRow && (error.SqlState is "HY000" or "00000" || error.SqlState.StartsWith("22", StringComparison.Ordinal));

    /// <summary>Row by row: reads one column of the current row completely with SQLGetData, growing its element as needed.</summary>
    private void ReadWhole(int column)
    {
        var buffer = _buffers[column];
        var name = Columns[column].Name;
        if (!buffer.Variable)
        {
            var fixedRc = OdbcApi.SQLGetData(_command.Handle, (ushort)(column + 1), buffer.CType, buffer.Data, buffer.ElementBytes, out var fixedIndicator);
            if (fixedRc == OdbcConstants.NoData)
            {
                throw new OdbcException($"Reading column {name}", "HY000", 0, "the driver returned no data for a value not yet read");
            }

            _command.Check(fixedRc, $"Reading column {name}");
            buffer.SetIndicator(fixedIndicator);
            return;
        }

        long total = 0;
        while (true)
        {
            var free = buffer.ElementBytes - (int)total;
            var rc = OdbcApi.SQLGetData(_command.Handle, (ushort)(column + 1), buffer.CType, buffer.Element(0) + (nint)total, free, out var indicator);
            if (rc == OdbcConstants.NoData && total > 0)
            {
                break;
            }

            if (rc == OdbcConstants.NoData)
            {
                throw new OdbcException($"Reading column {name}", "HY000", 0, "the driver returned no data for a value not yet read");
            }

            _command.Check(rc, $"Reading column {name}");
            if (indicator == OdbcConstants.NullData)
            {
                total = OdbcConstants.NullData;
                break;
            }

            var room = free - buffer.TerminatorBytes;
            if (indicator != OdbcConstants.NoTotal && indicator >= 0 && indicator <= room)
            {
                total += indicator;
                break;
            }

            if (indicator < 0 && indicator != OdbcConstants.NoTotal)
            {
                throw new OdbcException($"Reading column {name}", "HY000", 0, $"the driver returned the length {indicator}");
            }

            // The driver filled the element up to its terminator; what is left follows.
            total += room;
            var needed = indicator == OdbcConstants.NoTotal ? (long)buffer.ElementBytes * 2 : total + indicator - room + buffer.TerminatorBytes;
            if (needed > MaxValueBytes)
            {
                throw new OdbcException($"Reading column {name}", "HY000", 0, $"a value is larger than {MaxValueBytes / (1024 * 1024)} MB; select a shorter value");
            }

            buffer.Grow((int)Math.Max(needed, Math.Min((long)buffer.ElementBytes * 2, MaxValueBytes)));
        }

        if (total >= 0)
        {
            CheckLength(column, total);
        }

        buffer.SetIndicator(total);
    }

    /// <summary>A UTF-16 length is a whole number of code units.</summary>
    private void CheckLength(int column, long length)
    {
        if (_buffers[column].CType == OdbcConstants.CWChar && length % 2 != 0)
        {
            throw new OdbcException("Reading rows", "HY000", 0, $"column {Columns[column].Name}: the driver returned {length} bytes of UTF-16 text, which is not a whole number of code units");
        }
    }

    private long Indicator(int column) => _buffers[column].Indicator(RowByRow ? 0 : _row);

    private IntPtr Element(int column) => _buffers[column].Element(RowByRow ? 0 : _row);

    private ReadOnlySpan<byte> Bytes(int column) => new((void*)Element(column), checked((int)Indicator(column)));

    private ReadOnlySpan<char> Utf16(int column) => MemoryMarshal.Cast<byte, char>(Bytes(column));

    private string Text(int column) =>
        _buffers[column].CType == OdbcConstants.CWChar ? new string(Utf16(column)) : Encoding.UTF8.GetString(Bytes(column));
}

/// <summary>A value did not fit its bound element in a block, or the driver failed the block: run the query again row by row.</summary>
public sealed class OdbcTruncationException : Exception
{
    public OdbcTruncationException(string column)
        : base($"A value of column {column} is longer than its bound buffer; the query must be read row by row.")
    {
    }

    public OdbcTruncationException(OdbcException driverError)
        : base($"The driver failed a block fetch ({driverError.Message}); the query must be read row by row.", driverError)
    {
    }
}
