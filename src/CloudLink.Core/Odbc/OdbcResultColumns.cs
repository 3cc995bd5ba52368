using System.Text;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>Describes the columns of a statement's result: name, SQL type, sizes, and the <see cref="OdbcValueKind"/> CloudLink reads them as.</summary>
internal static unsafe class OdbcResultColumns
{
    public static OdbcColumn[] Describe(OdbcCommand command)
    {
        command.Check(OdbcApi.SQLNumResultCols(command.Handle, out var count), "Reading the result's columns");
        var columns = new OdbcColumn[count];
        for (ushort i = 1; i <= count; i++)
        {
            var (name, type, size, digits) = DescribeOne(command, i);
            var typeName = TextAttribute(command, i, OdbcConstants.DescTypeName);
            var unsigned = NumericAttribute(command, i, OdbcConstants.DescUnsigned) == 1;
            columns[i - 1] = new OdbcColumn(name, type, typeName, (long)Math.Min(size, long.MaxValue), digits,
                KindOf(type, typeName, unsigned, command.Connection.SessionInUtc))
            {
                OctetLength = Math.Max(0, NumericAttribute(command, i, OdbcConstants.DescOctetLength)),
            };
        }

        return columns;
    }

    /// <summary>SQLDescribeCol, called again with a larger buffer when the name did not fit.</summary>
    private static (string Name, short Type, ulong Size, short Digits) DescribeOne(OdbcCommand command, ushort column)
    {
        var utf8 = command.Connection.UsesUtf8Ansi;
        for (var capacity = 256; ; capacity *= 4)
        {
            short length, type, digits;
            ulong size;
            string name;
            if (utf8)
            {
                var buffer = new byte[capacity];
                fixed (byte* target = buffer)
                {
                    command.Check(OdbcApi.SQLDescribeCol(command.Handle, column, target, (short)capacity, out length, out type, out size, out digits, out _), $"Describing column {column}");
                }

                name = Encoding.UTF8.GetString(buffer, 0, Math.Clamp((int)length, 0, capacity - 1));
            }
            else
            {
                var buffer = new char[capacity];
                fixed (char* target = buffer)
                {
                    command.Check(OdbcApi.SQLDescribeColW(command.Handle, column, target, (short)capacity, out length, out type, out size, out digits, out _), $"Describing column {column}");
                }

                name = new string(buffer, 0, Math.Clamp((int)length, 0, capacity - 1));
            }

            if (length < capacity || capacity >= 16384)
            {
                return (name, type, size, digits);
            }
        }
    }

    private static string TextAttribute(OdbcCommand command, ushort column, ushort field)
    {
        if (command.Connection.UsesUtf8Ansi)
        {
            var buffer = stackalloc byte[256];
            var rc = OdbcApi.SQLColAttribute(command.Handle, column, field, buffer, 256, out var length, out _);
            return OdbcConstants.Succeeded(rc) ? Encoding.UTF8.GetString(buffer, Math.Clamp((int)length, 0, 255)) : "";
        }
        else
        {
            var buffer = stackalloc char[128];
            var rc = OdbcApi.SQLColAttributeW(command.Handle, column, field, buffer, 256, out var length, out _);
            return OdbcConstants.Succeeded(rc) ? new string(buffer, 0, Math.Clamp(length / 2, 0, 127)) : "";
        }
    }

    /// <summary>A numeric attribute, or -1 when the driver does not report it.</summary>
    private static long NumericAttribute(OdbcCommand command, ushort column, ushort field)
    {
        long value = -1;
        var rc = command.Connection.UsesUtf8Ansi
            ? OdbcApi.SQLColAttribute(command.Handle, column, field, null, 0, out _, out value)
            : OdbcApi.SQLColAttributeW(command.Handle, column, field, null, 0, out _, out value);
        return OdbcConstants.Succeeded(rc) ? value : -1;
    }

    internal static OdbcValueKind KindOf(short type, string typeName, bool unsigned, bool sessionInUtc) => type switch
    {
        _ when sessionInUtc && (typeName.Equals("timestamptz", StringComparison.OrdinalIgnoreCase) ||
                                typeName.Equals("timestamp with time zone", StringComparison.OrdinalIgnoreCase)) => OdbcValueKind.TimestampUtc,
        // psqlODBC reports boolean as character data by default (BoolsAsChar).
        _ when typeName.Equals("bool", StringComparison.OrdinalIgnoreCase) || typeName.Equals("boolean", StringComparison.OrdinalIgnoreCase) => OdbcValueKind.Flag,
        OdbcConstants.SqlBigInt when unsigned => OdbcValueKind.UnsignedWholeNumber,
        OdbcConstants.SqlBigInt or OdbcConstants.SqlInteger or OdbcConstants.SqlSmallInt or OdbcConstants.SqlTinyInt => OdbcValueKind.WholeNumber,
        OdbcConstants.SqlBit => OdbcValueKind.Flag,
        OdbcConstants.SqlReal => OdbcValueKind.SinglePrecision,
        OdbcConstants.SqlFloat or OdbcConstants.SqlDouble => OdbcValueKind.FloatingPoint,
        OdbcConstants.SqlDecimal or OdbcConstants.SqlNumeric => OdbcValueKind.ExactNumber,
        OdbcConstants.SqlTypeDate or OdbcConstants.SqlDateTime => OdbcValueKind.Date,
        OdbcConstants.SqlTypeTime or OdbcConstants.SqlTime or OdbcConstants.SqlServerTime2 => OdbcValueKind.Time,
        OdbcConstants.SqlServerTimestampOffset => OdbcValueKind.TimestampWithOffset,
        OdbcConstants.SqlTypeTimestamp or OdbcConstants.SqlTimestamp when typeName.Contains("with time zone", StringComparison.OrdinalIgnoreCase) &&
                                                                         !typeName.Contains("without", StringComparison.OrdinalIgnoreCase) => OdbcValueKind.TimestampWithOffset,
        OdbcConstants.SqlTypeTimestamp or OdbcConstants.SqlTimestamp => OdbcValueKind.Timestamp,
        OdbcConstants.SqlBinary or OdbcConstants.SqlVarBinary or OdbcConstants.SqlLongVarBinary => OdbcValueKind.Binary,
        _ => OdbcValueKind.Text,
    };
}
