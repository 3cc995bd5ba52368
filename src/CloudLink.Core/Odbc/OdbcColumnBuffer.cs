using System.Runtime.InteropServices;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>
/// The native memory one result column is read into: an element per row of a block (bound with
/// SQLBindCol) or a single element that grows to hold the whole value (filled with SQLGetData),
/// and a length indicator per element. Sizes are in the encoding the driver writes: UTF-16 code
/// units for wide calls, bytes for UTF-8 through the ANSI calls.
/// </summary>
internal sealed unsafe class OdbcColumnBuffer : IDisposable
{
    /// <summary>Text of unknown or long declared length is bound at this many code units (or UTF-8 bytes); a longer value is read with SQLGetData.</summary>
    internal const int BoundTextUnits = 2048;

    /// <summary>Binary values of unknown or long declared length are bound at this many bytes.</summary>
    internal const int BoundBinaryBytes = 4096;

    /// <summary>DECIMAL/NUMERIC are bound at least this many characters wide, so that an unconstrained NUMERIC of ordinary size stays in the block.</summary>
    internal const int BoundNumberChars = 64;

    private OdbcColumnBuffer(short cType, int elementBytes, int terminatorBytes, bool variable)
    {
        CType = cType;
        ElementBytes = elementBytes;
        TerminatorBytes = terminatorBytes;
        Variable = variable;
    }

    /// <summary>The C type the driver converts into (SQL_C_*).</summary>
    public short CType { get; }

    /// <summary>Bytes per element, terminator included.</summary>
    public int ElementBytes { get; private set; }

    /// <summary>The NUL the driver writes after character data: 2 bytes for UTF-16, 1 for UTF-8, 0 for binary and fixed-size values.</summary>
    public int TerminatorBytes { get; }

    /// <summary>True for character and binary data, whose length the indicator gives and which can be longer than the element.</summary>
    public bool Variable { get; }

    /// <summary>The most value bytes an element holds (without the terminator).</summary>
    public int Capacity => ElementBytes - TerminatorBytes;

    public IntPtr Data { get; private set; }

    public IntPtr Indicators { get; private set; }

    public static OdbcColumnBuffer For(OdbcColumn column, bool utf8)
    {
        var textType = utf8 ? OdbcConstants.CChar : OdbcConstants.CWChar;
        var unitBytes = utf8 ? 1 : 2;
        switch (column.Kind)
        {
            case OdbcValueKind.WholeNumber:
                return Fixed(OdbcConstants.CSBigInt, 8);
            case OdbcValueKind.UnsignedWholeNumber:
                return Fixed(OdbcConstants.CUBigInt, 8);
            case OdbcValueKind.FloatingPoint:
                return Fixed(OdbcConstants.CDouble, 8);
            case OdbcValueKind.SinglePrecision:
                // Read as a double, which holds every float exactly, and written as the float it is:
                // MariaDB Connector/ODBC 3.1 steps SQL_C_FLOAT arrays wrongly in a block fetch.
                return Fixed(OdbcConstants.CDouble, 8);
            case OdbcValueKind.Flag:
                return Fixed(OdbcConstants.CBit, 1);
            case OdbcValueKind.Date:
                return Fixed(OdbcConstants.CTypeDate, sizeof(OdbcDate));
            case OdbcValueKind.Timestamp or OdbcValueKind.TimestampUtc:
                return Fixed(OdbcConstants.CTypeTimestamp, sizeof(OdbcTimestamp));
            case OdbcValueKind.ExactNumber:
                // Sign, decimal point and a leading zero besides the digits.
                return Text(textType, unitBytes, (int)Math.Min(Math.Max(column.Size + 3, BoundNumberChars), BoundTextUnits));
            case OdbcValueKind.Time:
                // [-]HHH:MM:SS.fffffffff with room to spare; longer text is read with SQLGetData like any other.
                return Text(textType, unitBytes, 32);
            case OdbcValueKind.TimestampWithOffset:
                return Text(textType, unitBytes, 64);
            case OdbcValueKind.Binary:
                var bytes = Math.Max(column.Size, column.OctetLength);
                var binaryFits = bytes is > 0 and <= BoundBinaryBytes && !IsLongType(column.SqlType);
                return new OdbcColumnBuffer(OdbcConstants.CBinary, binaryFits ? (int)bytes : BoundBinaryBytes, 0, variable: true);
            default:
                // A character outside the BMP takes two UTF-16 code units or four UTF-8 bytes, so a
                // declared size in characters is not the size in code units.
                var units = Math.Max(column.Size * (utf8 ? 4 : 2), column.OctetLength);
                var textFits = column.Size > 0 && units <= BoundTextUnits && !IsLongType(column.SqlType);
                return Text(textType, unitBytes, textFits ? (int)units : BoundTextUnits);
        }
    }

    private static OdbcColumnBuffer Fixed(short cType, int bytes) => new(cType, bytes, 0, variable: false);

    private static OdbcColumnBuffer Text(short cType, int unitBytes, int units) =>
        new(cType, (Math.Max(1, units) + 1) * unitBytes, unitBytes, variable: true);

    private static bool IsLongType(short sqlType) => sqlType is OdbcConstants.SqlLongVarChar or OdbcConstants.SqlWLongVarChar or OdbcConstants.SqlLongVarBinary;

    /// <summary>Allocates <paramref name="rows"/> elements and their indicators.</summary>
    public void Allocate(int rows)
    {
        Data = Marshal.AllocHGlobal(checked(ElementBytes * rows));
        Indicators = Marshal.AllocHGlobal(8 * rows);
    }

    /// <summary>Row-by-row reading: makes the single element at least <paramref name="bytes"/> long, keeping what it holds.</summary>
    public void Grow(int bytes)
    {
        if (bytes <= ElementBytes)
        {
            return;
        }

        Data = Marshal.ReAllocHGlobal(Data, bytes);
        ElementBytes = bytes;
    }

    /// <summary>What a variable-length element's indicator holds until the driver writes it: no length a driver returns.</summary>
    public const long NotWritten = long.MinValue;

    /// <summary>
    /// Sets every indicator before a block fetch: a fixed-size value's to 0 (not NULL), a
    /// variable-length one's to <see cref="NotWritten"/>. A driver that leaves an indicator as it
    /// was (MariaDB Connector/ODBC 3.1 does for a BIT that is not NULL) then cannot leave the
    /// previous block's NULL or length behind.
    /// </summary>
    public void ResetIndicators(int rows) => new Span<long>((void*)Indicators, rows).Fill(Variable ? NotWritten : 0);

    public long Indicator(long row) => ((long*)Indicators)[row];

    public void SetIndicator(long value) => *(long*)Indicators = value;

    public IntPtr Element(long row) => Data + (nint)(row * ElementBytes);

    public void Dispose()
    {
        if (Data != IntPtr.Zero)
        {
            Marshal.FreeHGlobal(Data);
            Marshal.FreeHGlobal(Indicators);
            Data = IntPtr.Zero;
            Indicators = IntPtr.Zero;
        }
    }
}
