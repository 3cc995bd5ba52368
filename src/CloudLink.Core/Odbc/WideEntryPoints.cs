using System.Runtime.InteropServices;

namespace CloudLink.Core.Odbc;

/// <summary>
/// Tells whether a loaded ODBC driver exports wide (W) entry points. unixODBC converts wide calls
/// for drivers that lack them through the locale's character set, which loses non-ASCII text
/// under the C locale services run in; such drivers (Debian's SQLite driver, for one) get UTF-8
/// through the ANSI calls instead. Windows' driver manager converts correctly, so it needs no check.
/// </summary>
internal static partial class WideEntryPoints
{
    private const int LazyNoLoad = 0x0001 | 0x0004; // RTLD_LAZY | RTLD_NOLOAD

    /// <param name="driverFile">The driver's file name, as SQLGetInfo(SQL_DRIVER_NAME) reports it.</param>
    public static bool Has(string driverFile)
    {
        if (OperatingSystem.IsWindows() || driverFile.Length == 0)
        {
            return true;
        }

        var path = LoadedPath(driverFile);
        if (path is null)
        {
            return true;
        }

        var handle = dlopen(path, LazyNoLoad);
        if (handle == IntPtr.Zero)
        {
            return true;
        }

        try
        {
            return dlsym(handle, "SQLExecDirectW") != IntPtr.Zero;
        }
        finally
        {
            _ = dlclose(handle);
        }
    }

    /// <summary>
    /// The full path of the loaded driver library, from /proc/self/maps: the file itself, or a
    /// versioned file of the same stem (SQL_DRIVER_NAME "sqlite3odbc.so" is libsqlite3odbc-0.9998.so).
    /// </summary>
    private static string? LoadedPath(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    continue;
                }

                var loaded = Path.GetFileName(line.AsSpan(slash));
                if (loaded.SequenceEqual(fileName) ||
                    (loaded.Contains(".so", StringComparison.Ordinal) &&
                     (loaded.StartsWith(stem + "-", StringComparison.Ordinal) || loaded.StartsWith("lib" + stem, StringComparison.Ordinal))))
                {
                    return line[slash..];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlopen(string path, int flags);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlsym(IntPtr handle, string symbol);

    [LibraryImport("libc")]
    private static partial int dlclose(IntPtr handle);
}
