using System.Globalization;

namespace CloudLink.Tests.Support;

/// <summary>A real unprivileged system user, made for one test and removed after it (root only), and commands run as that user.</summary>
public sealed class ThrowawayUser : IDisposable
{
    public ThrowawayUser()
    {
        Name = "cl-" + Guid.NewGuid().ToString("N")[..12];
        Command.Output("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Name]);
        Uid = uint.Parse(Command.Output("id", ["-u", Name]).Trim(), CultureInfo.InvariantCulture);
    }

    public string Name { get; }

    public uint Uid { get; }

    /// <summary>Runs a command as this user and gives its exit code (its output is discarded).</summary>
    public int Run(string program, params string[] args) => Command.Run("runuser", ["-u", Name, "--", program, .. args]);

    /// <summary>Runs a shell command as this user; a non-zero exit fails with its standard error.</summary>
    public string Shell(string script) => Command.Output("runuser", ["-u", Name, "--", "sh", "-c", script]);

    public void Dispose() => Command.Run("userdel", Name);
}
