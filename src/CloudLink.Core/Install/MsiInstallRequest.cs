namespace CloudLink.Core.Install;

/// <summary>One Windows instance to install from the MSI: which package, which instance number, which folder.</summary>
public sealed class MsiInstallRequest
{
    public string MsiPath { get; init; } = "";

    /// <summary>0 for the default instance, 1 to 8 for instance.N (installed with an instance transform).</summary>
    public int Instance { get; init; }

    public string Folder { get; init; } = "";

    /// <summary>msiexec's verbose log (/l*v), read back for the lines that explain a failure.</summary>
    public string LogPath { get; init; } = "";

    public string? CloudUrl { get; init; }

    public string? ImportDirectory { get; init; }
}
