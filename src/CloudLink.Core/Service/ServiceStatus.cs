using System.Runtime.InteropServices;

namespace CloudLink.Core.Service;

/// <summary>SERVICE_STATUS of advapi32, shared by the service host, the service control and the read-only queries.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ServiceStatus
{
    public uint ServiceType;
    public uint CurrentState;
    public uint ControlsAccepted;
    public uint Win32ExitCode;
    public uint ServiceSpecificExitCode;
    public uint CheckPoint;
    public uint WaitHint;
}
