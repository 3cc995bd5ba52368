using System.Runtime.InteropServices;

namespace CloudLink.Core.Service.Windows;

/// <summary>
/// Runs the agent as a Windows service: hands the process to the Service Control Manager, reports
/// RUNNING, and on STOP or SHUTDOWN cancels the work and reports STOPPED once it has ended.
/// </summary>
public static unsafe class WindowsServiceHost
{
    private static Func<CancellationToken, Task>? s_work;
    private static CancellationTokenSource? s_stop;
    private static IntPtr s_statusHandle;
    private static Exception? s_failure;

    /// <summary>Runs <paramref name="work"/> as the service; false if the process was not started by the SCM.</summary>
    public static bool Run(Func<CancellationToken, Task> work)
    {
        s_work = work;
        var table = stackalloc ScmApi.ServiceTableEntry[2];
        fixed (char* name = "")
        {
            table[0] = new ScmApi.ServiceTableEntry { ServiceName = name, ServiceMain = &ServiceMain };
            table[1] = default;
            if (!ScmApi.StartServiceCtrlDispatcher(table))
            {
                if (Marshal.GetLastWin32Error() == ScmApi.ErrorFailedServiceControllerConnect)
                {
                    return false;
                }

                throw new ServiceException($"The Service Control Manager refused the service (Windows error {Marshal.GetLastWin32Error()}).");
            }
        }

        if (s_failure is not null)
        {
            throw new ServiceException($"The service stopped after an error: {s_failure.Message}");
        }

        return true;
    }

    [UnmanagedCallersOnly]
    private static void ServiceMain(uint argumentCount, IntPtr arguments)
    {
        s_stop = new CancellationTokenSource();
        s_statusHandle = ScmApi.RegisterServiceCtrlHandlerEx("", &Handler, IntPtr.Zero);
        Report(ScmApi.StateRunning);
        try
        {
            s_work!(s_stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            s_failure = e;
        }

        Report(ScmApi.StateStopped, s_failure is null ? 0u : 1u);
    }

    [UnmanagedCallersOnly]
    private static uint Handler(uint control, uint eventType, IntPtr eventData, IntPtr context)
    {
        switch (control)
        {
            case ScmApi.ControlStop or ScmApi.ControlShutdown:
                Report(ScmApi.StateStopPending);
                s_stop?.Cancel();
                return 0;
            case ScmApi.ControlInterrogate:
                return 0;
            default:
                return 120; // ERROR_CALL_NOT_IMPLEMENTED
        }
    }

    private static void Report(uint state, uint exitCode = 0)
    {
        var status = new ServiceStatus
        {
            ServiceType = ScmApi.ServiceWin32OwnProcess,
            CurrentState = state,
            ControlsAccepted = state == ScmApi.StateRunning ? ScmApi.AcceptStop | ScmApi.AcceptShutdown : 0,
            Win32ExitCode = exitCode,
            WaitHint = state == ScmApi.StateStopPending ? 30_000u : 0,
        };
        ScmApi.SetServiceStatus(s_statusHandle, ref status);
    }
}
