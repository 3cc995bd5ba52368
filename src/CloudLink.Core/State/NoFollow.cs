namespace CloudLink.Core.State;

/// <summary>
/// Reads the instance's own files (the config, the state files) without following a symbolic
/// link: a link put in their place cannot make the agent read, act on or quote another file.
/// </summary>
public static class NoFollow
{
    /// <summary>The file's bytes; <see cref="FileNotFoundException"/> when it is missing, <see cref="IOException"/> naming the link when it is one.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        if (!NativeUnix.IsUnix)
        {
            return File.ReadAllBytes(path);
        }

        var handle = NativeUnix.OpenRead(path, followLinks: false, out var errno);
        if (handle is null)
        {
            throw errno switch
            {
                NativeUnix.NoSuchFile => new FileNotFoundException($"{path} does not exist", path),
                NativeUnix.NotAFolder => new DirectoryNotFoundException($"a folder of {path} does not exist"),
                NativeUnix.PermissionDenied => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                NativeUnix.TooManyLinks => new SymbolicLinkException(path),
                _ => new IOException($"{path} cannot be opened: {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno})"),
            };
        }

        using var stream = new FileStream(handle, FileAccess.Read, 1 << 14);
        using var content = new MemoryStream();
        stream.CopyTo(content);
        return content.ToArray();
    }
}

/// <summary>An instance file that is a symbolic link, which the agent does not follow.</summary>
public sealed class SymbolicLinkException(string path)
    : IOException($"{path} is a symbolic link; the agent reads its config and state only from regular files in their place, never through a link. Replace the link by the file itself.")
{
    public string LinkPath { get; } = path;
}
