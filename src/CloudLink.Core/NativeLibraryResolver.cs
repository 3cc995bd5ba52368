#if NET
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CloudLink.Core;

/// <summary>
/// Where this assembly's native libraries come from: the system's own, never the folder of the
/// executable. The runtime's default search looks in the application's folder first, and an
/// instance's folder is writable by the service's group (its logs go there): a 'libc.so' or
/// 'libodbc.so.2' put there would otherwise run as root the next time root runs any command.
/// </summary>
internal static class NativeLibraryResolver
{
    /// <summary>The name ODBC is bound by (see Odbc.Native.OdbcApi).</summary>
    public const string Odbc = "odbc";

    /// <summary>Registered before the first P/Invoke of any type in this assembly.</summary>
#pragma warning disable CA2255 // A resolver is process-wide per assembly and must be in place before the first call; a module initializer is the one place that guarantees it.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows system DLLs from System32 only (the installed folder is an administrator's, but the rule costs nothing).
            return NativeLibrary.TryLoad(name == Odbc ? "odbc32.dll" : name, assembly, DllImportSearchPath.System32, out var system) ? system
                : throw new DllNotFoundException(name == Odbc
                    ? "odbc32.dll was not found; the Windows ODBC driver manager is part of Windows, so this system is damaged."
                    : $"{name} was not found in the Windows system folder.");
        }

        // On Linux a bare soname goes to dlopen as it is: LD_LIBRARY_PATH, ld.so.cache and the system folders, not the application's folder.
        var candidates = name switch
        {
            Odbc => ["libodbc.so.2", "libodbc.so", "libodbc.2.dylib"],
            "libc" => OperatingSystem.IsMacOS() ? ["libc.dylib"] : new[] { "libc.so.6" },
            _ => [name],
        };
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        // Never IntPtr.Zero: the runtime would then search the application's folder after all.
        throw new DllNotFoundException(name == Odbc
            ? "unixODBC (libodbc.so.2) is not installed; install it with 'sudo apt-get install unixodbc' (Debian/Ubuntu) or 'sudo dnf install unixODBC' (RHEL)."
            : $"{name} was not found among the system's libraries.");
    }
}
#endif
