using CloudLink.Core.State;

namespace CloudLink.Core.Uploads;

/// <summary>
/// A file of the import folder, opened once for reading: its size, modification time and content
/// all come from the open handle, so limits and change detection hold whatever the path shows
/// later. A symbolic link is followed only when it and its target have the same owner and the
/// target is a regular file (the rule of the kernel's protected_symlinks): a user who may write the
/// import folder cannot have the agent upload a file that is not theirs, such as /etc/shadow or the
/// agent's own credentials.
/// </summary>
public sealed class ImportFile : IDisposable
{
    private ImportFile(FileStream stream, long size, long modifiedTicks)
    {
        Stream = stream;
        Size = size;
        ModifiedTicks = modifiedTicks;
    }

    public FileStream Stream { get; }

    public long Size { get; }

    public long ModifiedTicks { get; }

    /// <summary>
    /// Opens <paramref name="path"/>. Throws <see cref="ImportFileRefusedException"/> for what is never
    /// imported as it is (a link against the rule, a pipe or device), <see cref="FileNotFoundException"/>
    /// when it is gone (or a dangling link), <see cref="UnauthorizedAccessException"/> when it cannot be read.
    /// </summary>
    public static ImportFile Open(string path)
    {
        if (!NativeUnix.IsUnix)
        {
            var stream = FileHasher.OpenShared(path);
            var info = new FileInfo(path);
            return new ImportFile(stream, stream.Length, info.LastWriteTimeUtc.Ticks);
        }

        var handle = NativeUnix.OpenRead(path, followLinks: false, out var errno);
        var viaLink = handle is null && errno == NativeUnix.TooManyLinks;
        if (viaLink)
        {
            handle = NativeUnix.OpenRead(path, followLinks: true, out errno);
        }

        if (handle is null)
        {
            throw errno switch
            {
                NativeUnix.NoSuchFile => new FileNotFoundException(viaLink ? $"{path} is a link to a file that does not exist" : $"{path} is gone", path),
                NativeUnix.PermissionDenied => new UnauthorizedAccessException($"the service's user may not read {path}"),
                _ => new IOException($"{path} cannot be opened: {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno})"),
            };
        }

        try
        {
            var opened = NativeUnix.Stat(handle) ?? throw new IOException($"{path} cannot be examined");
            if (!opened.IsRegularFile)
            {
                throw new ImportFileRefusedException(viaLink
                    ? $"it is a symbolic link to {Target(path)}, which is not a regular file; a link is followed only to a regular file of the link's owner"
                    : "it is a named pipe, socket or device, not a regular file, and reading it could hold up the import; export to a regular file");
            }

            if (viaLink)
            {
                // The link as it is now: whoever swaps it makes a link of their own, owned by them.
                var link = NativeUnix.Stat(path, followLinks: false);
                if (link is not { IsSymbolicLink: true } || link.Owner != opened.Owner)
                {
                    throw new ImportFileRefusedException(
                        $"it is a symbolic link owned by {Owner(link)} to {Target(path)}, owned by {UnixAccounts.Describe(opened.Owner)}; " +
                        "a link is followed only when it and its target have the same owner (the rule of the kernel's protected_symlinks). " +
                        "Copy the file into the import folder, or have its owner make the link");
                }
            }

            return new ImportFile(new FileStream(handle, FileAccess.Read, 1 << 16), opened.Size, opened.ModifiedTicks);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Whether the open file still has the size and modification time <paramref name="candidate"/> was seen with.</summary>
    public bool Matches(CsvCandidate candidate)
    {
        if (!NativeUnix.IsUnix)
        {
            var info = new FileInfo(candidate.Path);
            return info.Exists && info.Length == candidate.Size && info.LastWriteTimeUtc.Ticks == candidate.ModifiedTicks;
        }

        var now = NativeUnix.Stat(Stream.SafeFileHandle);
        return now is not null && now.Size == candidate.Size && now.ModifiedTicks == candidate.ModifiedTicks;
    }

    public void Dispose() => Stream.Dispose();

    private static string Target(string path) => NativeUnix.ReadLink(path) ?? "(unknown)";

    private static string Owner(NativeUnix.Facts? link) => link is null ? "(gone)" : UnixAccounts.Describe(link.Owner);
}

/// <summary>A file of the import folder that is not imported as it is; the message says why and what to do.</summary>
public sealed class ImportFileRefusedException(string reason) : Exception(reason);
