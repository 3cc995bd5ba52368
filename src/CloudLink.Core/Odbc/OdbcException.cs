namespace CloudLink.Core.Odbc;

/// <summary>An ODBC call failed: the SQLSTATE, the driver's native error and its message.</summary>
public sealed class OdbcException(string operation, string sqlState, int nativeError, string driverMessage)
    : Exception($"{operation} failed: [{sqlState}] {driverMessage}{Hint(sqlState, driverMessage)}")
{
    public string Operation { get; } = operation;
    public string SqlState { get; } = sqlState;
    public int NativeError { get; } = nativeError;
    public string DriverMessage { get; } = driverMessage;

    private static string Hint(string sqlState, string message) => sqlState switch
    {
        _ when message.Contains("Can't open lib", StringComparison.Ordinal) =>
            " (the ODBC driver is not installed, or its name is misspelt: 'odbcinst -q -d' lists the installed drivers; install the driver package, e.g. odbc-postgresql)",
        "IM002" => " (the data source name or driver is not known to the ODBC driver manager: check the DSN or DRIVER={...} against 'odbcinst -q -d' and 'odbcinst -q -s')",
        "08001" => " (the database server could not be reached: check host, port and that the server accepts connections)",
        "28000" or "28P01" => " (the database refused the user name or password)",
        "HYT00" or "HYT01" or "57014" => " (the time limit ran out)",
        "HY008" => " (the query was cancelled)",
        _ => "",
    };
}
