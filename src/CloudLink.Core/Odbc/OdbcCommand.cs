using System.Runtime.InteropServices;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>An ODBC statement: runs SQL with bound parameters and streams the result through <see cref="OdbcDataReader"/>.</summary>
public sealed unsafe class OdbcCommand : IDisposable
{
    private readonly OdbcConnection _connection;
    private readonly List<IntPtr> _parameterMemory = [];
    private IntPtr _handle;
    private readonly object _watchdogGate = new();
    private Timer? _watchdog;
    private volatile bool _timedOut;

    internal OdbcCommand(OdbcConnection connection)
    {
        _connection = connection;
        OdbcDiagnostics.Check(OdbcApi.SQLAllocHandle(OdbcConstants.HandleStatement, connection.Handle, out _handle),
            OdbcConstants.HandleConnection, connection.Handle, "Allocating an ODBC statement");
    }

    /// <summary>How long after the time limit CloudLink cancels a statement the driver did not stop itself.</summary>
    private static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(1);

    /// <summary>Query time limit; zero for none.</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>Native memory for one block of bound rows: the block cursor takes as many rows as fit.</summary>
    public int BufferBudgetBytes { get; set; } = 4 * 1024 * 1024;

    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(OdbcCommand));

    internal OdbcConnection Connection => _connection;

    /// <summary>
    /// Runs <paramref name="sql"/> with its '?' markers bound to <paramref name="parameters"/>.
    /// <paramref name="rowByRow"/> reads every value with SQLGetData instead of a block cursor.
    /// <see cref="Timeout"/> covers the statement from execution until its reader is disposed: it is
    /// given to the driver (SQL_ATTR_QUERY_TIMEOUT) and, because some drivers ignore that (MariaDB
    /// Connector/ODBC, SQLite), enforced here as well by cancelling the statement.
    /// </summary>
    public OdbcDataReader ExecuteReader(string sql, IReadOnlyList<OdbcParameter> parameters, CancellationToken cancellationToken, bool rowByRow = false)
    {
        Reset();
        for (var i = 0; i < parameters.Count; i++)
        {
            Bind((ushort)(i + 1), parameters[i].Value);
        }

        cancellationToken.ThrowIfCancellationRequested();
        StartStatement();
        try
        {
            short rc;
            using (cancellationToken.Register(Cancel))
            {
                // NUL-terminated (SQL_NTS), so that no driver need agree with us whether a length
                // counts characters or UTF-16 code units.
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
                        rc = OdbcApi.SQLExecDirectW(Handle, text, OdbcConstants.NullTerminated);
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            Check(rc, "Running the query");
            return new OdbcDataReader(this, rowByRow, cancellationToken);
        }
        catch
        {
            EndStatement();
            throw;
        }
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

    internal void Check(short code, string operation)
    {
        if (!OdbcConstants.Succeeded(code) && code != OdbcConstants.NoData)
        {
            throw Failure(code, operation);
        }
    }

    /// <summary>The error of a failed call: the driver's diagnostics, or the time limit when the watchdog cancelled the statement.</summary>
    internal OdbcException Failure(short code, string operation) => _timedOut
        ? new OdbcException(operation, "HYT00", 0, $"the query ran longer than its time limit of {Timeout.TotalSeconds:0.#} s and was cancelled")
        : OdbcDiagnostics.Exception(code, OdbcConstants.HandleStatement, Handle, operation, _connection.UsesUtf8Ansi);

    /// <summary>The SQLSTATEs of the statement's current diagnostic records (warnings included).</summary>
    internal IReadOnlyList<string> Diagnostics() => OdbcDiagnostics.States(OdbcConstants.HandleStatement, Handle, _connection.UsesUtf8Ansi);

    /// <summary>Arms the time limit for the statement about to run.</summary>
    private void StartStatement()
    {
        _timedOut = false;
        var seconds = Timeout <= TimeSpan.Zero ? 0 : Math.Max(1, (int)Math.Ceiling(Timeout.TotalSeconds));
        _ = OdbcApi.SQLSetStmtAttrW(Handle, OdbcConstants.AttrQueryTimeout, seconds, 0);
        if (seconds == 0)
        {
            return;
        }

        lock (_watchdogGate)
        {
            Timer? watchdog = null;
            watchdog = new Timer(_ =>
            {
                lock (_watchdogGate)
                {
                    if (ReferenceEquals(_watchdog, watchdog))
                    {
                        _timedOut = true;
                        Cancel();
                    }
                }
            }, null, System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
            _watchdog = watchdog;
            // A driver that honours the attribute answers first, with its own diagnostic.
            watchdog.Change(Timeout + WatchdogGrace, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Disarms the time limit: the statement's reader is done. No cancellation is under way once this returns.</summary>
    internal void EndStatement()
    {
        lock (_watchdogGate)
        {
            _watchdog?.Dispose();
            _watchdog = null;
        }
    }

    public void Dispose()
    {
        if (_handle == IntPtr.Zero)
        {
            return;
        }

        EndStatement();
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
                // The fraction to the tick, and the digits it needs declared, so that a window bound
                // at 01:30:00.5 is not read as 01:30:00.
                data = Allocate(sizeof(OdbcTimestamp));
                *(OdbcTimestamp*)data = OdbcValueText.FromDateTime(time);
                digits = OdbcValueText.FractionDigits(time);
                (cType, sqlType, size, length) = (OdbcConstants.CTypeTimestamp, OdbcConstants.SqlTypeTimestamp, (ulong)(digits == 0 ? 19 : 20 + digits), sizeof(OdbcTimestamp));
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
