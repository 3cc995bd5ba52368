using System.Runtime.InteropServices;

namespace OdbcBench;

/// <summary>
/// The driver's own floor: SQLExecDirect, then SQLFetch in blocks of 1,000 rows with no column
/// bound, so that no value is converted or copied. Bound here directly, apart from CloudLink's reader.
/// </summary>
internal static partial class UnboundFetch
{
    private const string Library = "libodbc.so.2";

    public static long Count(string connectionString, string sql)
    {
        Check(SQLAllocHandle(1, IntPtr.Zero, out var environment), "SQLAllocHandle(ENV)");
        Check(SQLSetEnvAttr(environment, 200, 3, 0), "SQLSetEnvAttr(ODBC 3)");
        Check(SQLAllocHandle(2, environment, out var connection), "SQLAllocHandle(DBC)");
        Check(SQLDriverConnectW(connection, IntPtr.Zero, connectionString, -3, IntPtr.Zero, 0, out _, 0), "SQLDriverConnect");
        Check(SQLAllocHandle(3, connection, out var statement), "SQLAllocHandle(STMT)");
        var fetched = Marshal.AllocHGlobal(8);
        try
        {
            Check(SQLSetStmtAttrW(statement, 27, 1000, 0), "SQL_ATTR_ROW_ARRAY_SIZE");
            Check(SQLSetStmtAttrW(statement, 26, fetched, 0), "SQL_ATTR_ROWS_FETCHED_PTR");
            Check(SQLExecDirectW(statement, sql, -3), "SQLExecDirect");
            long rows = 0;
            short rc;
            while ((rc = SQLFetch(statement)) is 0 or 1)
            {
                rows += Marshal.ReadInt64(fetched);
            }

            Check(rc == 100 ? (short)0 : rc, "SQLFetch");
            return rows;
        }
        finally
        {
            _ = SQLFreeHandle(3, statement);
            _ = SQLDisconnect(connection);
            _ = SQLFreeHandle(2, connection);
            _ = SQLFreeHandle(1, environment);
            Marshal.FreeHGlobal(fetched);
        }
    }

    private static void Check(short rc, string call)
    {
        if (rc is not (0 or 1))
        {
            throw new InvalidOperationException($"{call} returned {rc}");
        }
    }

    [LibraryImport(Library)]
    private static partial short SQLAllocHandle(short type, IntPtr input, out IntPtr output);

    [LibraryImport(Library)]
    private static partial short SQLSetEnvAttr(IntPtr environment, int attribute, IntPtr value, int length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    private static partial short SQLDriverConnectW(IntPtr connection, IntPtr window, string input, short inputLength, IntPtr output, short outputMax, out short outputLength, ushort completion);

    [LibraryImport(Library)]
    private static partial short SQLSetStmtAttrW(IntPtr statement, int attribute, IntPtr value, int length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    private static partial short SQLExecDirectW(IntPtr statement, string text, int length);

    [LibraryImport(Library)]
    private static partial short SQLFetch(IntPtr statement);

    [LibraryImport(Library)]
    private static partial short SQLDisconnect(IntPtr connection);

    [LibraryImport(Library)]
    private static partial short SQLFreeHandle(short type, IntPtr handle);
}
