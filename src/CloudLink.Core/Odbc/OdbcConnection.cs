using System.Text;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>An open ODBC connection. Not thread-safe, except <see cref="OdbcCommand"/> cancellation.</summary>
public sealed unsafe class OdbcConnection : IDisposable
{
    private IntPtr _handle;

    private OdbcConnection(IntPtr handle, string driverName, string dbmsName, string identifierQuote, bool utf8Ansi)
    {
        _handle = handle;
        DriverName = driverName;
        DbmsName = dbmsName;
        var quote = identifierQuote.Trim();
        IdentifierQuote = quote.Length == 1 ? quote : "\"";
        UsesUtf8Ansi = utf8Ansi;
    }

    /// <summary>The driver's file name, e.g. psqlodbcw.so or libsqlite3odbc-0.9998.so.</summary>
    public string DriverName { get; }

    /// <summary>The database product, e.g. PostgreSQL or SQLite.</summary>
    public string DbmsName { get; }

    /// <summary>What the database quotes identifiers with: " for most, ` for MySQL and MariaDB (unless ANSI_QUOTES).</summary>
    public string IdentifierQuote { get; }

    /// <summary>True when the session's time zone was set to UTC, so timestamps with zone arrive in UTC.</summary>
    public bool SessionInUtc { get; private set; }

    /// <summary>True when the driver has no wide entry points and text travels as UTF-8 through the ANSI calls.</summary>
    public bool UsesUtf8Ansi { get; }

    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(OdbcConnection));

    /// <summary>psqlODBC reads whole result sets into memory unless told to use a cursor; these keep memory bounded.</summary>
    internal const string PostgreSqlStreaming = "UseDeclareFetch=1;Fetch=10000";

    /// <summary>Connects with a connection string (or "DSN=name;..."), giving up after <paramref name="loginTimeout"/>.</summary>
    public static OdbcConnection Open(string connectionString, TimeSpan loginTimeout)
    {
        var connection = OpenOnce(connectionString, loginTimeout);
        if (connection.DriverName.StartsWith("psqlodbc", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("UseDeclareFetch", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            connection = OpenOnce(connectionString.TrimEnd(';', ' ') + ";" + PostgreSqlStreaming, loginTimeout);
        }

        if (connection.DbmsName == "PostgreSQL")
        {
            // timestamptz values then arrive in UTC and are written with their offset.
            using var command = connection.CreateCommand();
            command.ExecuteNonQuery("SET TIME ZONE 'UTC'", [], CancellationToken.None);
            connection.SessionInUtc = true;
        }

        return connection;
    }

    private static OdbcConnection OpenOnce(string connectionString, TimeSpan loginTimeout)
    {
        var environment = OdbcEnvironment.Handle;
        OdbcDiagnostics.Check(OdbcApi.SQLAllocHandle(OdbcConstants.HandleConnection, environment, out var handle),
            OdbcConstants.HandleEnvironment, environment, "Allocating an ODBC connection");
        try
        {
            var seconds = (IntPtr)Math.Max(1, (int)Math.Ceiling(loginTimeout.TotalSeconds));
            _ = OdbcApi.SQLSetConnectAttrW(handle, OdbcConstants.AttrLoginTimeout, seconds, 0);
            short rc;
            fixed (char* text = connectionString)
            {
                rc = OdbcApi.SQLDriverConnectW(handle, IntPtr.Zero, text, OdbcConstants.NullTerminated, null, 0, out _, OdbcConstants.DriverNoPrompt);
            }

            if (!OdbcConstants.Succeeded(rc))
            {
                throw OdbcDiagnostics.Exception(rc, OdbcConstants.HandleConnection, handle, "Connecting to the database");
            }

            var driver = Info(handle, OdbcConstants.InfoDriverName);
            return new OdbcConnection(handle, driver, Info(handle, OdbcConstants.InfoDbmsName), Info(handle, OdbcConstants.InfoIdentifierQuoteChar), !WideEntryPoints.Has(driver));
        }
        catch
        {
            _ = OdbcApi.SQLFreeHandle(OdbcConstants.HandleConnection, handle);
            throw;
        }
    }

    public OdbcCommand CreateCommand() => new(this);

    public void Dispose()
    {
        if (_handle == IntPtr.Zero)
        {
            return;
        }

        _ = OdbcApi.SQLDisconnect(_handle);
        _ = OdbcApi.SQLFreeHandle(OdbcConstants.HandleConnection, _handle);
        _handle = IntPtr.Zero;
    }

    private static string Info(IntPtr handle, ushort type)
    {
        var buffer = stackalloc char[256];
        var rc = OdbcApi.SQLGetInfoW(handle, type, buffer, 512, out var bytes);
        return OdbcConstants.Succeeded(rc) ? new string(buffer, 0, Math.Clamp(bytes / 2, 0, 255)) : "";
    }

    /// <summary>Text as the driver wants it: UTF-16 for wide calls, or UTF-8 bytes, NUL-terminated.</summary>
    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");
}
