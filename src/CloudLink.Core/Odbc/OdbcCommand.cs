using System.Runtime.InteropServices;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>An ODBC statement: runs SQL with bound parameters and streams the result through <see cref="OdbcDataReader"/>.</summary>
public sealed unsafe class OdbcCommand : IDisposable
{
    private readonly OdbcConnection _connection;
    private readonly List<IntPtr> _parameterMemory = [];
    private IntPtr _handle;

    internal OdbcCommand(OdbcConnection connection)
    {
        _connection = connection;
        OdbcDiagnostics.Check(OdbcApi.SQLAllocHandle(OdbcConstants.HandleStatement, connection.Handle, out _handle),
            OdbcConstants.HandleConnection, connection.Handle, "Allocating an ODBC statement");
    }

    /// <summary>Query time limit; zero for none.</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>Native memory for one block of bound rows: the block cursor takes as many rows as fit.</summary>
    public int BufferBudgetBytes { get; set; } = 4 * 1024 * 1024;

    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(OdbcCommand));

    internal OdbcConnection Connection => _connection;

    /// <summary>
    /// Runs <paramref name="sql"/> with its '?' markers bound to <paramref name="parameters"/>.
    /// <paramref name="rowByRow"/> reads long columns with SQLGetData instead of a block cursor.
    /// </summary>
    public OdbcDataReader ExecuteReader(string sql, IReadOnlyList<OdbcParameter> parameters, CancellationToken cancellationToken, bool rowByRow = false)
    {
        Reset();
        if (Timeout > TimeSpan.Zero)
        {
            _ = OdbcApi.SQLSetStmtAttrW(Handle, OdbcConstants.AttrQueryTimeout, (IntPtr)Math.Max(1, (int)Math.Ceiling(Timeout.TotalSeconds)), 0);
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            Bind((ushort)(i + 1), parameters[i].Value);
        }

        cancellationToken.ThrowIfCancellationRequested();
        short rc;
        using (cancellationToken.Register(Cancel))
        {
            if (_connection.UsesUtf8Ansi)
            {
                fixed (byte* text = OdbcConnection.Utf8(sql))
                {
                    rc = OdbcApi.SQLExecDirect(Handle, text, OdbcConstants.NullTerminated);
                }
            }
            else
            {
                fixed (char* text = sql)
                {
                    rc = OdbcApi.SQLExecDirectW(Handle, text, sql.Length);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        Check(rc, "Running the query");
        return new OdbcDataReader(this, rowByRow, cancellationToken);
    }

    /// <summary>Runs a statement that returns no rows (DDL, INSERT ...).</summary>
    public void ExecuteNonQuery(string sql, IReadOnlyList<OdbcParameter> parameters, CancellationToken cancellationToken)
    {
        using var reader = ExecuteReader(sql, parameters, cancellationToken);
    }

    /// <summary>Asks the driver to stop the running statement; safe from another thread.</summary>
    public void Cancel()
    {
        if (_handle != IntPtr.Zero)
        {
            _ = OdbcApi.SQLCancel(_handle);
        }
    }

    internal void Check(short code, string operation) =>
        OdbcDiagnostics.Check(code, OdbcConstants.HandleStatement, Handle, operation, _connection.UsesUtf8Ansi);

    public void Dispose()
    {
        if (_handle == IntPtr.Zero)
        {
            return;
        }

        _ = OdbcApi.SQLFreeHandle(OdbcConstants.HandleStatement, _handle);
        _handle = IntPtr.Zero;
        FreeParameters();
    }

    private void Reset()
    {
        _ = OdbcApi.SQLFreeStmt(Handle, OdbcConstants.FreeStmtClose);
        _ = OdbcApi.SQLFreeStmt(Handle, OdbcConstants.FreeStmtUnbind);
        _ = OdbcApi.SQLFreeStmt(Handle, OdbcConstants.FreeStmtResetParams);
        FreeParameters();
    }

    private void FreeParameters()
    {
        foreach (var memory in _parameterMemory)
        {
            Marshal.FreeHGlobal(memory);
        }

        _parameterMemory.Clear();
    }

    private IntPtr Allocate(int bytes)
    {
        var memory = Marshal.AllocHGlobal(Math.Max(bytes, 8));
        _parameterMemory.Add(memory);
        return memory;
    }

    private void Bind(ushort position, object? value)
    {
        if (value is DateTime sqliteTime && _connection.DbmsName == "SQLite")
        {
            // SQLite keeps timestamps as text and compares them as text; the driver's own timestamp
            // text ("... 02:30:00.000") would sort after "... 02:30:00" and move boundary rows into the previous window.
            value = sqliteTime.ToString(sqliteTime.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        }

        var indicator = Allocate(8);
        short cType, sqlType;
        ulong size = 0;
        short digits = 0;
        IntPtr data;
        long length;
        switch (value)
        {
            case null:
                *(long*)indicator = OdbcConstants.NullData;
                (cType, sqlType, size, data, length) = (OdbcConstants.CChar, OdbcConstants.SqlVarChar, 1, Allocate(1), 0);
                break;
            case long or int:
                data = Allocate(8);
                *(long*)data = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                (cType, sqlType, length) = (OdbcConstants.CSBigInt, OdbcConstants.SqlBigInt, 8);
                *(long*)indicator = 8;
                break;
            case double number:
                data = Allocate(8);
                *(double*)data = number;
                (cType, sqlType, length) = (OdbcConstants.CDouble, OdbcConstants.SqlDouble, 8);
                *(long*)indicator = 8;
                break;
            case bool flag:
                data = Allocate(1);
                *(byte*)data = flag ? (byte)1 : (byte)0;
                (cType, sqlType, length) = (OdbcConstants.CBit, OdbcConstants.SqlBit, 1);
                *(long*)indicator = 1;
                break;
            case DateTime time:
                data = Allocate(sizeof(OdbcTimestamp));
                *(OdbcTimestamp*)data = new OdbcTimestamp
                {
                    Year = (short)time.Year,
                    Month = (ushort)time.Month,
                    Day = (ushort)time.Day,
                    Hour = (ushort)time.Hour,
                    Minute = (ushort)time.Minute,
                    Second = (ushort)time.Second,
                };
                (cType, sqlType, size, length) = (OdbcConstants.CTypeTimestamp, OdbcConstants.SqlTypeTimestamp, 19, sizeof(OdbcTimestamp));
                *(long*)indicator = length;
                break;
            case string text when _connection.UsesUtf8Ansi:
                var utf8 = OdbcConnection.Utf8(text);
                data = Allocate(utf8.Length);
                Marshal.Copy(utf8, 0, data, utf8.Length);
                (cType, sqlType, size, length) = (OdbcConstants.CChar, OdbcConstants.SqlVarChar, (ulong)Math.Max(1, utf8.Length - 1), utf8.Length);
                *(long*)indicator = utf8.Length - 1;
                break;
            case string text:
                data = Allocate((text.Length + 1) * 2);
                fixed (char* source = text)
                {
                    Buffer.MemoryCopy(source, (void*)data, (text.Length + 1) * 2, text.Length * 2);
                }

                ((char*)data)[text.Length] = '\0';
                (cType, sqlType, size, length) = (OdbcConstants.CWChar, OdbcConstants.SqlWVarChar, (ulong)Math.Max(1, text.Length), (text.Length + 1) * 2);
                *(long*)indicator = text.Length * 2;
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} cannot be bound as an ODBC parameter.", nameof(value));
        }

        Check(OdbcApi.SQLBindParameter(Handle, position, OdbcConstants.ParamInput, cType, sqlType, size, digits, data, length, indicator),
            $"Binding parameter {position}");
    }
}
