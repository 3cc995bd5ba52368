using System.Runtime.InteropServices;

namespace CloudLink.Core.Odbc.Native;

/// <summary>
/// The ODBC C API, bound directly: unixODBC's libodbc.so.2 on Linux, odbc32.dll on Windows.
/// SQLLEN/SQLULEN are 64-bit on both 64-bit platforms; SQLWCHAR is UTF-16 on both. Wide (W)
/// entry points carry UTF-16; the ANSI ones carry UTF-8 for drivers without wide entry points.
/// </summary>
internal static unsafe partial class OdbcApi
{
    private const string Library = NativeLibraryResolver.Odbc;

    [LibraryImport(Library)]
    public static partial short SQLAllocHandle(short handleType, IntPtr inputHandle, out IntPtr outputHandle);

    [LibraryImport(Library)]
    public static partial short SQLFreeHandle(short handleType, IntPtr handle);

    [LibraryImport(Library)]
    public static partial short SQLSetEnvAttr(IntPtr environment, int attribute, IntPtr value, int length);

    [LibraryImport(Library)]
    public static partial short SQLSetConnectAttrW(IntPtr connection, int attribute, IntPtr value, int length);

    [LibraryImport(Library)]
    public static partial short SQLDriverConnectW(IntPtr connection, IntPtr window, char* inString, short inLength, char* outString, short outMax, out short outLength, ushort completion);

    [LibraryImport(Library)]
    public static partial short SQLDisconnect(IntPtr connection);

    [LibraryImport(Library)]
    public static partial short SQLGetInfoW(IntPtr connection, ushort infoType, void* value, short bufferLength, out short stringLength);

    [LibraryImport(Library)]
    public static partial short SQLSetStmtAttrW(IntPtr statement, int attribute, IntPtr value, int length);

    [LibraryImport(Library)]
    public static partial short SQLExecDirectW(IntPtr statement, char* text, int length);

    [LibraryImport(Library)]
    public static partial short SQLExecDirect(IntPtr statement, byte* text, int length);

    [LibraryImport(Library)]
    public static partial short SQLPrepareW(IntPtr statement, char* text, int length);

    [LibraryImport(Library)]
    public static partial short SQLPrepare(IntPtr statement, byte* text, int length);

    [LibraryImport(Library)]
    public static partial short SQLExecute(IntPtr statement);

    [LibraryImport(Library)]
    public static partial short SQLBindParameter(IntPtr statement, ushort number, short ioType, short valueType, short parameterType, ulong columnSize, short decimalDigits, IntPtr value, long bufferLength, IntPtr lengthOrIndicator);

    [LibraryImport(Library)]
    public static partial short SQLNumResultCols(IntPtr statement, out short count);

    [LibraryImport(Library)]
    public static partial short SQLDescribeColW(IntPtr statement, ushort column, char* name, short bufferLength, out short nameLength, out short dataType, out ulong columnSize, out short decimalDigits, out short nullable);

    [LibraryImport(Library)]
    public static partial short SQLDescribeCol(IntPtr statement, ushort column, byte* name, short bufferLength, out short nameLength, out short dataType, out ulong columnSize, out short decimalDigits, out short nullable);

    [LibraryImport(Library)]
    public static partial short SQLColAttributeW(IntPtr statement, ushort column, ushort field, char* characterAttribute, short bufferLength, out short stringLength, out long numericAttribute);

    [LibraryImport(Library)]
    public static partial short SQLColAttribute(IntPtr statement, ushort column, ushort field, byte* characterAttribute, short bufferLength, out short stringLength, out long numericAttribute);

    [LibraryImport(Library)]
    public static partial short SQLBindCol(IntPtr statement, ushort column, short targetType, IntPtr target, long bufferLength, IntPtr lengthOrIndicator);

    [LibraryImport(Library)]
    public static partial short SQLFetch(IntPtr statement);

    [LibraryImport(Library)]
    public static partial short SQLGetData(IntPtr statement, ushort column, short targetType, IntPtr target, long bufferLength, out long lengthOrIndicator);

    [LibraryImport(Library)]
    public static partial short SQLGetDiagRecW(short handleType, IntPtr handle, short record, char* state, out int nativeError, char* message, short bufferLength, out short textLength);

    [LibraryImport(Library)]
    public static partial short SQLGetDiagRec(short handleType, IntPtr handle, short record, byte* state, out int nativeError, byte* message, short bufferLength, out short textLength);

    [LibraryImport(Library)]
    public static partial short SQLCancel(IntPtr statement);

    [LibraryImport(Library)]
    public static partial short SQLFreeStmt(IntPtr statement, ushort option);

    [LibraryImport(Library)]
    public static partial short SQLMoreResults(IntPtr statement);

    [LibraryImport(Library)]
    public static partial short SQLGetStmtAttrW(IntPtr statement, int attribute, out IntPtr value, int bufferLength, out int stringLength);
}
