using System.Globalization;
using System.Text;
using CloudLink.Core.Instance;

namespace CloudLink.Core.State;

/// <summary>
/// The running agent is the one writer of its instance's state: it holds an exclusive lock on
/// state/agent.lock for as long as it runs (an advisory flock on Linux, a share mode on Windows;
/// released by the OS when the process ends, however it ends) and writes its process id beside it.
/// A second 'run' of the same instance stops at once, naming that process.
/// </summary>
public sealed class StateLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _processIdFile;

    private StateLock(FileStream held, string processIdFile)
    {
        _lock = held;
        _processIdFile = processIdFile;
    }

    /// <summary>Takes the lock, or throws <see cref="StateException"/> naming the agent that holds it.</summary>
    public static StateLock Acquire(InstancePaths paths) => TryAcquire(paths, out var held) ?? throw new StateException(paths.StateFolder,
        $"belongs to an agent that is running already ({Holder(paths)}); only one agent may run an instance. " +
        "Stop it first (for the service: 'injixo-cloud-link service stop'), or talk to it with 'status' and 'pin'.", held);

    /// <summary>Takes the lock; null when a running agent holds it (it is then the one to ask).</summary>
    public static StateLock? TryAcquire(InstancePaths paths) => TryAcquire(paths, out _);

    private static StateLock? TryAcquire(InstancePaths paths, out IOException? heldBy)
    {
        heldBy = null;
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        FileStream held;
        try
        {
            held = AtomicFile.OpenNew(paths.LockFile, privateFile: true, FileMode.OpenOrCreate, bufferSize: 0, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            heldBy = e;
            return null;
        }

#if NET
        var processId = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n";
#else
        var processId = System.Diagnostics.Process.GetCurrentProcess().Id.ToString(CultureInfo.InvariantCulture) + "\n";
#endif
        AtomicFile.Write(paths.ProcessIdFile, Encoding.ASCII.GetBytes(processId), privateFile: true);
        return new StateLock(held, paths.ProcessIdFile);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_processIdFile);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _lock.Dispose();
    }

    /// <summary>"PID n" of the agent that holds the lock, as far as its pid file tells.</summary>
    public static string Holder(InstancePaths paths)
    {
        try
        {
            return "PID " + File.ReadAllText(paths.ProcessIdFile).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "its process id is not known";
        }
    }
}
