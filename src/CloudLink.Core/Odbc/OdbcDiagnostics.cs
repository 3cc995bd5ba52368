using System.Text;
using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>Turns a failed ODBC return code into an <see cref="OdbcException"/> with the driver's diagnostics.</summary>
internal static unsafe class OdbcDiagnostics
{
    public static void Check(short code, short handleType, IntPtr handle, string operation, bool utf8Ansi = false)
    {
        if (OdbcConstants.Succeeded(code) || code == OdbcConstants.NoData)
        {
            return;
        }

        throw Exception(code, handleType, handle, operation, utf8Ansi);
    }

    public static OdbcException Exception(short code, short handleType, IntPtr handle, string operation, bool utf8Ansi = false)
    {
        if (code == OdbcConstants.InvalidHandle)
        {
            return new OdbcException(operation, "HY000", 0, "invalid handle (a CloudLink bug; please report it)");
        }

        var messages = new List<string>();
        string? firstState = null;
        var firstNative = 0;
        for (short record = 1; record <= 8; record++)
        {
            var (state, native, message) = utf8Ansi ? ReadAnsi(handleType, handle, record) : ReadWide(handleType, handle, record);
            if (state is null)
            {
                break;
            }

            // The first error state, not a leading warning (01xxx) such as unixODBC's "Can't open lib".
            if (firstState is null || (firstState.StartsWith("01", StringComparison.Ordinal) && !state.StartsWith("01", StringComparison.Ordinal)))
            {
                firstState = state;
                firstNative = native;
            }

            // A driver may quote the connection string it was given; its secrets never reach a log.
            messages.Add(Secrets.SecretMask.ConnectionString(message));
        }

        return new OdbcException(operation, firstState ?? "HY000", firstNative,
            messages.Count == 0 ? $"the driver returned {code} without a diagnostic" : string.Join(" | ", messages));
    }

    /// <summary>The SQLSTATE of every diagnostic record of <paramref name="handle"/>, warnings included.</summary>
    public static IReadOnlyList<string> States(short handleType, IntPtr handle, bool utf8Ansi)
    {
        var states = new List<string>();
        for (short record = 1; record <= 8; record++)
        {
            var (state, _, _) = utf8Ansi ? ReadAnsi(handleType, handle, record) : ReadWide(handleType, handle, record);
            if (state is null)
            {
                break;
            }

            states.Add(state);
        }

        return states;
    }

    private static (string? State, int Native, string Message) ReadWide(short handleType, IntPtr handle, short record)
    {
        var state = stackalloc char[6];
        var message = stackalloc char[1024];
        var rc = OdbcApi.SQLGetDiagRecW(handleType, handle, record, state, out var native, message, 1024, out var length);
        if (!OdbcConstants.Succeeded(rc))
        {
            return (null, 0, "");
        }

        return (new string(state, 0, 5), native, new string(message, 0, Math.Clamp((int)length, 0, 1023)).Trim());
    }

    private static (string? State, int Native, string Message) ReadAnsi(short handleType, IntPtr handle, short record)
    {
        var state = stackalloc byte[6];
        var message = stackalloc byte[2048];
        var rc = OdbcApi.SQLGetDiagRec(handleType, handle, record, state, out var native, message, 2048, out var length);
        if (!OdbcConstants.Succeeded(rc))
        {
            return (null, 0, "");
        }

        return (Encoding.ASCII.GetString(state, 5), native, Encoding.UTF8.GetString(message, Math.Clamp((int)length, 0, 2047)).Trim());
    }
}
