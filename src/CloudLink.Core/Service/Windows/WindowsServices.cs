using System.ComponentModel;
using System.Runtime.InteropServices;
using CloudLink.Core.Instance;

namespace CloudLink.Core.Service.Windows;

/// <summary>
/// Installs and controls an instance as a Windows service through the Service Control Manager.
/// A service of the same name that runs another folder's agent is never replaced.
/// </summary>
public static class WindowsServices
{
    public static ServiceRecord Install(InstancePaths paths, string appName, IReadOnlyList<string> command)
    {
        var name = WindowsServiceName.From(appName);
        var binaryPath = string.Join(" ", command.Select(word => "\"" + word + "\""));
        using var manager = Manager();
        var existing = ScmApi.OpenService(manager.Handle, name, ScmApi.ServiceAllAccess);
        if (existing != IntPtr.Zero)
        {
            using var service = new ScmHandle(existing);
            var path = BinaryPath(service.Handle);
            if (!path.Contains(paths.ConfigFile, StringComparison.OrdinalIgnoreCase))
            {
                throw new ServiceException(
                    $"A service named \"{name}\" is already installed for another folder ({path}). Give this instance a unique [app] name in {paths.ConfigFile}, " +
                    "e.g. \"com.injixo.cloud-link.instance.1\", then install again.");
            }
        }
        else
        {
            var created = ScmApi.CreateService(manager.Handle, name, name, ScmApi.ServiceAllAccess, ScmApi.ServiceWin32OwnProcess, ScmApi.ServiceAutoStart,
                ScmApi.ServiceErrorNormal, binaryPath, null, IntPtr.Zero, null, null, null);
            if (created == IntPtr.Zero)
            {
                throw Failure($"Creating the service \"{name}\"");
            }

            ScmApi.CloseServiceHandle(created);
        }

        var record = new ServiceRecord { Unit = name, UnitFile = binaryPath, InstalledAt = DateTimeOffset.UtcNow };
        ServiceRecords.Save(paths, record);
        return record;
    }

    public static ServiceRecord Uninstall(InstancePaths paths)
    {
        var record = ServiceRecords.Installed(paths);
        using var service = Open(record.Unit);
        if (ScmApi.QueryServiceStatus(service.Handle, out var status) && status.CurrentState != ScmApi.StateStopped)
        {
            Stop(service, record.Unit, paths);
        }

        if (!ScmApi.DeleteService(service.Handle))
        {
            throw Failure($"Removing the service \"{record.Unit}\"");
        }

        ServiceRecords.Delete(paths);
        return record;
    }

    public static ServiceRecord Control(InstancePaths paths, string action)
    {
        var record = ServiceRecords.Installed(paths);
        using var service = Open(record.Unit);
        if (action is "stop" or "restart")
        {
            Stop(service, record.Unit, paths);
        }

        if (action is "start" or "restart")
        {
            if (!ScmApi.StartService(service.Handle, 0, IntPtr.Zero) && Marshal.GetLastWin32Error() != ScmApi.ErrorServiceAlreadyRunning)
            {
                throw Failure($"Starting the service \"{record.Unit}\"");
            }

            WaitFor(service, ScmApi.StateRunning, record.Unit);
        }

        return record;
    }

    public static ServiceState Status(InstancePaths paths)
    {
        var record = ServiceRecords.Installed(paths);
        using var service = Open(record.Unit);
        if (!ScmApi.QueryServiceStatus(service.Handle, out var status))
        {
            throw Failure($"Querying the service \"{record.Unit}\"");
        }

        var state = status.CurrentState switch
        {
            ScmApi.StateRunning => ("active", "running"),
            ScmApi.StateStartPending => ("activating", "start-pending"),
            ScmApi.StateStopPending => ("deactivating", "stop-pending"),
            _ => ("inactive", "stopped"),
        };
        return new ServiceState(record.Unit, state.Item1, state.Item2, 0, "");
    }

    /// <summary>Stops the service and waits until its process has exited, not only said STOPPED: then its files can be replaced or removed.</summary>
    private static void Stop(ScmHandle service, string name, InstancePaths paths)
    {
        SendStop(service, name);
        AgentProcess.WaitForExit(paths, TimeSpan.FromSeconds(30));
    }

    private static void SendStop(ScmHandle service, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!ScmApi.ControlService(service.Handle, ScmApi.ControlStop, out _))
        {
            var error = Marshal.GetLastWin32Error();
            if (error == ScmApi.ErrorServiceNotActive)
            {
                return;
            }

            // A service still starting cannot take STOP yet: ask again until it can.
            if (error != ScmApi.ErrorServiceCannotAcceptControl || DateTime.UtcNow > deadline)
            {
                throw Failure($"Stopping the service \"{name}\"");
            }

            Thread.Sleep(200);
        }

        WaitFor(service, ScmApi.StateStopped, name);
    }

    private static void WaitFor(ScmHandle service, uint state, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (!ScmApi.QueryServiceStatus(service.Handle, out var status))
            {
                throw Failure($"Querying the service \"{name}\"");
            }

            if (status.CurrentState == state)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ServiceException($"The service \"{name}\" did not reach the expected state within 60 seconds; see injixo-cloud-link.log in its folder.");
            }

            Thread.Sleep(200);
        }
    }

    private static unsafe string BinaryPath(IntPtr service)
    {
        ScmApi.QueryServiceConfig(service, IntPtr.Zero, 0, out var needed);
        var buffer = Marshal.AllocHGlobal((int)Math.Max(needed, 64));
        try
        {
            if (!ScmApi.QueryServiceConfig(service, buffer, Math.Max(needed, 64), out _))
            {
                throw Failure("Reading the existing service's configuration");
            }

            // QUERY_SERVICE_CONFIGW: three DWORDs, then (aligned) the pointer to lpBinaryPathName.
            return Marshal.PtrToStringUni(Marshal.ReadIntPtr(buffer, IntPtr.Size == 8 ? 16 : 12)) ?? "";
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    private static ScmHandle Manager()
    {
        var manager = ScmApi.OpenSCManager(null, null, ScmApi.ScManagerAllAccess);
        return manager != IntPtr.Zero ? new ScmHandle(manager) : throw Failure("Opening the Service Control Manager (run as an administrator)");
    }

    private static ScmHandle Open(string name)
    {
        using var manager = Manager();
        var service = ScmApi.OpenService(manager.Handle, name, ScmApi.ServiceAllAccess);
        return service != IntPtr.Zero ? new ScmHandle(service) : throw Failure($"Opening the service \"{name}\"");
    }

    private static ServiceException Failure(string what)
    {
        var error = Marshal.GetLastWin32Error();
        return new ServiceException($"{what} failed: {new Win32Exception(error).Message} (Windows error {error}).");
    }

    private sealed class ScmHandle(IntPtr handle) : IDisposable
    {
        public IntPtr Handle { get; } = handle;

        public void Dispose() => ScmApi.CloseServiceHandle(Handle);
    }
}
