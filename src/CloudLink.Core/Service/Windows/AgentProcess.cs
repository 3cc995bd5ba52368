using System.ComponentModel;
using System.Diagnostics;
using CloudLink.Core.Instance;

namespace CloudLink.Core.Service.Windows;

/// <summary>
/// The instance's agent process, found by the PID it wrote beside its state lock. A service that
/// reported STOPPED may still be exiting, and Windows cannot delete or replace an executable that
/// is running: installers and 'service stop' wait for the process itself.
/// </summary>
public static class AgentProcess
{
    public static void WaitForExit(InstancePaths paths, TimeSpan timeout)
    {
        if (!File.Exists(paths.ProcessIdFile) || !int.TryParse(File.ReadAllText(paths.ProcessIdFile).Trim(), out var processId) || processId == Environment.ProcessId)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            // The PID file outlives the agent: a PID now used by another program is not waited for.
            var executable = Path.Combine(paths.Folder, InstancePaths.ExecutableName + ".exe");
            if (string.Equals(process.MainModule?.FileName, executable, StringComparison.OrdinalIgnoreCase))
            {
                process.WaitForExit((int)timeout.TotalMilliseconds);
            }
        }
        catch (Exception gone) when (gone is ArgumentException or InvalidOperationException or Win32Exception)
        {
            // Exited already, or not ours to inspect.
        }
    }
}
