namespace CloudLink.Core.Odbc.Native;

/// <summary>Values from sql.h / sqlext.h / sqlucode.h that CloudLink uses.</summary>
internal static class OdbcConstants
{
    public const short HandleEnvironment = 1;
    public const short HandleConnection = 2;
    public const short HandleStatement = 3;

    public const short Success = 0;
    public const short SuccessWithInfo = 1;
    public const short NoData = 100;
    public const short Error = -1;
    public const short InvalidHandle = -2;
    public const short NeedData = 99;
    public const short StillExecuting = 2;

    public const int NullTerminated = -3;
    public const long NullData = -1;
    public const long NoTotal = -4;

    public const int AttrOdbcVersion = 200;
    public const int OdbcVersion3 = 3;
    public const int AttrLoginTimeout = 103;
    public const int AttrQueryTimeout = 0;
    public const int AttrRowBindType = 5;
    public const int BindByColumn = 0;
    public const int AttrRowArraySize = 27;
    public const int AttrRowsFetchedPointer = 26;
    public const int AttrRowStatusPointer = 25;

    // Row status values (SQL_ROW_*), one per row of a block fetch.
    public const ushort RowSuccess = 0;
    public const ushort RowNoRow = 3;
    public const ushort RowError = 5;
    public const ushort RowSuccessWithInfo = 6;

    public const ushort DriverNoPrompt = 0;
    public const ushort InfoDriverName = 6;
    public const ushort InfoDbmsName = 17;
    public const ushort InfoIdentifierQuoteChar = 29;
    public const ushort DescTypeName = 14;
    public const ushort DescUnsigned = 8;
    public const ushort DescOctetLength = 1013;

    public const ushort FreeStmtClose = 0;
    public const ushort FreeStmtUnbind = 2;
    public const ushort FreeStmtResetParams = 3;

    public const short ParamInput = 1;

    // SQL data types
    public const short SqlChar = 1;
    public const short SqlNumeric = 2;
    public const short SqlDecimal = 3;
    public const short SqlInteger = 4;
    public const short SqlSmallInt = 5;
    public const short SqlFloat = 6;
    public const short SqlReal = 7;
    public const short SqlDouble = 8;
    public const short SqlDateTime = 9;
    public const short SqlTime = 10;
    public const short SqlTimestamp = 11;
    public const short SqlVarChar = 12;
    public const short SqlTypeDate = 91;
    public const short SqlTypeTime = 92;
    public const short SqlTypeTimestamp = 93;
    public const short SqlLongVarChar = -1;
    public const short SqlBinary = -2;
    public const short SqlVarBinary = -3;
    public const short SqlLongVarBinary = -4;
    public const short SqlBigInt = -5;
    public const short SqlTinyInt = -6;
    public const short SqlBit = -7;
    public const short SqlWChar = -8;
    public const short SqlWVarChar = -9;
    public const short SqlWLongVarChar = -10;
    public const short SqlGuid = -11;
    public const short SqlServerTime2 = -154;
    public const short SqlServerTimestampOffset = -155;

    // C data types
    public const short CChar = 1;
    public const short CWChar = -8;
    public const short CSBigInt = -25;
    public const short CUBigInt = -27;
    public const short CDouble = 8;
    public const short CBit = -7;
    public const short CBinary = -2;
    public const short CTypeDate = 91;
    public const short CTypeTime = 92;
    public const short CTypeTimestamp = 93;

    public static bool Succeeded(short code) => code is Success or SuccessWithInfo;
}
