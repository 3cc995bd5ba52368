namespace CloudLink.Installer;

/// <summary>A problem with an input package or transform, said with the file and what is wrong.</summary>
public sealed class InstallerException(string message) : Exception(message);
