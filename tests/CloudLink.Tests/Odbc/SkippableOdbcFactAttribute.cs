namespace CloudLink.Tests.Odbc;

/// <summary>A fact that needs an installed ODBC driver; reported as skipped, with the reason, where it is missing.</summary>
public sealed class SkippableOdbcFactAttribute : FactAttribute
{
    public SkippableOdbcFactAttribute(string driver)
    {
        Skip = OdbcDrivers.SkipReason(driver);
    }
}

/// <summary>A theory that needs an installed ODBC driver; reported as skipped, with the reason, where it is missing.</summary>
public sealed class SkippableOdbcTheoryAttribute : TheoryAttribute
{
    public SkippableOdbcTheoryAttribute(string driver)
    {
        Skip = OdbcDrivers.SkipReason(driver);
    }
}

internal static class OdbcDrivers
{
    public static string? SkipReason(string driver) => Installed(driver)
        ? null
        : $"The ODBC driver '{driver}' is not installed (odbcinst -q -d); .ci/run installs unixodbc, libsqliteodbc, odbc-postgresql and odbc-mariadb.";

    public static bool Installed(string driver)
    {
        const string registry = "/etc/odbcinst.ini";
        return File.Exists(registry) && File.ReadLines(registry).Any(line => line.Trim() == $"[{driver}]") &&
               (File.Exists("/usr/lib/x86_64-linux-gnu/libodbc.so.2") || File.Exists("/usr/lib/aarch64-linux-gnu/libodbc.so.2"));
    }
}
