using CloudLink.Core.Odbc.Native;

namespace CloudLink.Core.Odbc;

/// <summary>The process's one ODBC environment handle (ODBC 3 behaviour), created on first use.</summary>
internal static class OdbcEnvironment
{
    private static readonly Lazy<IntPtr> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IntPtr Handle => Shared.Value;

    private static IntPtr Create()
    {
        var rc = OdbcApi.SQLAllocHandle(OdbcConstants.HandleEnvironment, IntPtr.Zero, out var environment);
        if (!OdbcConstants.Succeeded(rc))
        {
            throw new OdbcException("Allocating the ODBC environment", "HY000", 0, "the driver manager refused; is unixODBC installed correctly?");
        }

        OdbcDiagnostics.Check(
            OdbcApi.SQLSetEnvAttr(environment, OdbcConstants.AttrOdbcVersion, OdbcConstants.OdbcVersion3, 0),
            OdbcConstants.HandleEnvironment, environment, "Setting ODBC version 3");
        return environment;
    }
}
