using System.ComponentModel;
using System.Runtime.InteropServices;

namespace CloudLink.Core.Service;

/// <summary>
/// Asks the Service Control Manager (advapi32) for a service's command line and state, with read-only
/// rights, so listing instances needs no administrator and starts no process (sc.exe took ~0.5 s a call,
/// and Wine's has no 'qc'). Built for netstandard2.0 too: the PowerShell module runs it in Windows PowerShell 5.1.
/// </summary>
public sealed class ServiceControlManagerQuery : IWindowsServiceQuery
{
    private const uint ScManagerConnect = 0x0001;
    private const uint ServiceQueryConfig = 0x0001;
    private const uint ServiceQueryStatus = 0x0004;
    private const int ErrorServiceDoesNotExist = 1060;
    private const int ErrorInsufficientBuffer = 122;

    public static ServiceControlManagerQuery Instance { get; } = new();

    public WindowsServiceEntry? Find(string name)
    {
        var manager = NativeMethods.OpenSCManagerW(null, null, ScManagerConnect);
        if (manager == IntPtr.Zero)
        {
            throw Failure("Connecting to the Service Control Manager");
        }

        try
        {
            var service = NativeMethods.OpenServiceW(manager, name, ServiceQueryConfig | ServiceQueryStatus);
            if (service == IntPtr.Zero)
            {
                return Marshal.GetLastWin32Error() == ErrorServiceDoesNotExist ? null : throw Failure($"Opening the service \"{name}\"");
            }

            try
            {
                return new WindowsServiceEntry(name, BinaryPath(service, name), State(service));
            }
            finally
            {
                NativeMethods.CloseServiceHandle(service);
            }
        }
        finally
        {
            NativeMethods.CloseServiceHandle(manager);
        }
    }

    private static string BinaryPath(IntPtr service, string name)
    {
        if (!NativeMethods.QueryServiceConfigW(service, IntPtr.Zero, 0, out var needed) && Marshal.GetLastWin32Error() != ErrorInsufficientBuffer)
        {
            throw Failure($"Reading the configuration of the service \"{name}\"");
        }

        var size = Math.Max(needed, 64u);
        var buffer = Marshal.AllocHGlobal((int)size);
        try
        {
            if (!NativeMethods.QueryServiceConfigW(service, buffer, size, out _))
            {
                throw Failure($"Reading the configuration of the service \"{name}\"");
            }

            // QUERY_SERVICE_CONFIGW: three DWORDs, then (pointer-aligned) lpBinaryPathName.
            return Marshal.PtrToStringUni(Marshal.ReadIntPtr(buffer, IntPtr.Size == 8 ? 16 : 12)) ?? "";
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    private static string State(IntPtr service) =>
        !NativeMethods.QueryServiceStatus(service, out var status) ? "Unknown" : status.CurrentState switch
        {
            1 => "Stopped",
            2 => "StartPending",
            3 => "StopPending",
            4 => "Running",
            7 => "Paused",
            _ => "Unknown",
        };

    private static ServiceException Failure(string what)
    {
        var error = Marshal.GetLastWin32Error();
        return new ServiceException($"{what} failed: {new Win32Exception(error).Message} (Windows error {error}).");
    }


    // DllImport, not LibraryImport: the netstandard2.0 build (Windows PowerShell 5.1) has no source-generated interop.
#pragma warning disable SYSLIB1054
    private static class NativeMethods
    {
        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode, ExactSpelling = true)]
        public static extern IntPtr OpenSCManagerW(string? machine, string? database, uint access);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode, ExactSpelling = true)]
        public static extern IntPtr OpenServiceW(IntPtr manager, string name, uint access);

        [DllImport("advapi32.dll", SetLastError = true, ExactSpelling = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool QueryServiceConfigW(IntPtr service, IntPtr buffer, uint size, out uint needed);

        [DllImport("advapi32.dll", SetLastError = true, ExactSpelling = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool QueryServiceStatus(IntPtr service, out ServiceStatus status);

        [DllImport("advapi32.dll", SetLastError = true, ExactSpelling = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool CloseServiceHandle(IntPtr handle);
    }
#pragma warning restore SYSLIB1054
}
