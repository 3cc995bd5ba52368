using System.Runtime.InteropServices;

namespace CloudLink.Core.Service.Windows;

/// <summary>The Service Control Manager API of advapi32, bound directly (no ServiceController package here).</summary>
internal static unsafe partial class ScmApi
{
    public const uint ScManagerAllAccess = 0xF003F;
    public const uint ServiceAllAccess = 0xF01FF;
    public const uint ServiceWin32OwnProcess = 0x10;
    public const uint ServiceAutoStart = 2;
    public const uint ServiceErrorNormal = 1;
    public const uint ControlStop = 1;
    public const uint ControlInterrogate = 4;
    public const uint ControlShutdown = 5;
    public const uint AcceptStop = 1;
    public const uint AcceptShutdown = 4;
    public const uint StateStopped = 1;
    public const uint StateStartPending = 2;
    public const uint StateStopPending = 3;
    public const uint StateRunning = 4;
    public const int ErrorServiceDoesNotExist = 1060;
    public const int ErrorServiceNotActive = 1062;
    public const int ErrorFailedServiceControllerConnect = 1063;
    public const int ErrorServiceAlreadyRunning = 1056;
    public const int ErrorServiceCannotAcceptControl = 1061;
    public const int ErrorServiceExists = 1073;

    [StructLayout(LayoutKind.Sequential)]
    public struct ServiceTableEntry
    {
        public char* ServiceName;
        public delegate* unmanaged<uint, IntPtr, void> ServiceMain;
    }

    [LibraryImport("advapi32.dll", EntryPoint = "OpenSCManagerW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial IntPtr OpenSCManager(string? machine, string? database, uint access);

    [LibraryImport("advapi32.dll", EntryPoint = "CreateServiceW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial IntPtr CreateService(IntPtr manager, string name, string displayName, uint access, uint serviceType, uint startType,
        uint errorControl, string binaryPath, string? loadOrderGroup, IntPtr tagId, string? dependencies, string? account, string? password);

    [LibraryImport("advapi32.dll", EntryPoint = "OpenServiceW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial IntPtr OpenService(IntPtr manager, string name, uint access);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DeleteService(IntPtr service);

    [LibraryImport("advapi32.dll", EntryPoint = "StartServiceW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool StartService(IntPtr service, uint argumentCount, IntPtr arguments);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool ControlService(IntPtr service, uint control, out ServiceStatus status);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool QueryServiceStatus(IntPtr service, out ServiceStatus status);

    [LibraryImport("advapi32.dll", EntryPoint = "QueryServiceConfigW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool QueryServiceConfig(IntPtr service, IntPtr buffer, uint size, out uint needed);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool CloseServiceHandle(IntPtr handle);

    [LibraryImport("advapi32.dll", EntryPoint = "StartServiceCtrlDispatcherW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool StartServiceCtrlDispatcher(ServiceTableEntry* table);

    [LibraryImport("advapi32.dll", EntryPoint = "RegisterServiceCtrlHandlerExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial IntPtr RegisterServiceCtrlHandlerEx(string name, delegate* unmanaged<uint, uint, IntPtr, IntPtr, uint> handler, IntPtr context);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetServiceStatus(IntPtr handle, ref ServiceStatus status);
}
