namespace CloudLink.Core.Service;

/// <summary>Reads one Windows service's registration: null when no service of that name is installed.</summary>
public interface IWindowsServiceQuery
{
    WindowsServiceEntry? Find(string name);
}

/// <summary>A Windows service as the Service Control Manager holds it: its command line and current state.</summary>
public sealed class WindowsServiceEntry(string name, string commandLine, string state)
{
    public string Name { get; } = name;

    /// <summary>The service's binary path with its arguments, as registered.</summary>
    public string CommandLine { get; } = commandLine;

    /// <summary>Running, Stopped, StartPending, StopPending, Paused or Unknown.</summary>
    public string State { get; } = state;
}
