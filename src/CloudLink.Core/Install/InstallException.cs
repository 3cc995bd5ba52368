namespace CloudLink.Core.Install;

/// <summary>An instance cannot be installed, found or removed; the message says why and what to do.</summary>
public sealed class InstallException : Exception
{
    public InstallException(string message)
        : base(message)
    {
    }

    public InstallException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>A stable identifier for scripts and PowerShell error records, e.g. "FolderInUse".</summary>
    public string Reason { get; init; } = "InstallFailed";
}
