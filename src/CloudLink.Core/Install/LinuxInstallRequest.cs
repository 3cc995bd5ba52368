namespace CloudLink.Core.Install;

/// <summary>One Linux instance to install from the release archive.</summary>
public sealed class LinuxInstallRequest
{
    /// <summary>The release archive injixo-cloud-link-VERSION-linux-x64.tar.gz.</summary>
    public string Archive { get; init; } = "";

    public string Folder { get; init; } = "";

    /// <summary>The [app] name; by default the next free com.injixo.cloud-link[.instance.N].</summary>
    public string? Name { get; init; }

    public string? CloudUrl { get; init; }

    public string? ImportDirectory { get; init; }

    /// <summary>Install the systemd service (false: files and config only, for containers or a later install).</summary>
    public bool InstallService { get; init; } = true;

    public bool Start { get; init; }

    /// <summary>The system user the service runs as ('service install --user'); null: injixo-cloud-link, created when missing.</summary>
    public string? ServiceUser { get; init; }
}
