namespace CloudLink.Core.State;

/// <summary>
/// Whole-file writes that a crash cannot tear: the bytes go to a temporary file beside the target,
/// are flushed to disk, and the temporary file is renamed over the target; then the folder is synced.
/// </summary>
public static class AtomicFile
{
    public const int PrivateMode = 0x180; // 0600
    public const int PrivateFolderMode = 0x1C0; // 0700

    /// <param name="keepModeOf">On Linux, a file whose permissions the new file takes over (e.g. the file it replaces), and its owner and group when root writes it.</param>
    public static void Write(string path, byte[] content, bool privateFile, string? keepModeOf = null) =>
        Write(path, stream => stream.Write(content, 0, content.Length), privateFile, keepModeOf);

    /// <summary>The same, for content written by <paramref name="writeContent"/> (streamed, never held in memory whole).</summary>
    public static void Write(string path, Action<Stream> writeContent, bool privateFile, string? keepModeOf = null)
    {
        var temporary = WriteTemporary(path, writeContent, privateFile);
        if (keepModeOf is not null && NativeUnix.Stat(keepModeOf, followLinks: false) is { IsRegularFile: true } kept)
        {
            // Root editing a config it gave to a service's group must not take the group's read access away.
            if (NativeUnix.EffectiveUser == 0)
            {
                NativeUnix.ChangeOwner(temporary, kept.Owner, kept.Group);
            }

            NativeUnix.SetMode(temporary, kept.Permissions);
        }

        try
        {
#if NET5_0_OR_GREATER
            File.Move(temporary, path, overwrite: true);
#else
            if (File.Exists(path))
            {
                File.Replace(temporary, path, null);
            }
            else
            {
                File.Move(temporary, path);
            }
#endif
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        NativeUnix.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Writes the file only if it does not exist yet; false if another writer got there first.</summary>
    public static bool CreateIfAbsent(string path, byte[] content, bool privateFile)
    {
        var temporary = WriteTemporary(path, stream => stream.Write(content, 0, content.Length), privateFile);
        try
        {
            File.Move(temporary, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            TryDelete(temporary);
            return false;
        }

        NativeUnix.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return true;
    }

    /// <summary>Creates a folder for private state, readable by its owner only on Linux.</summary>
    public static void EnsurePrivateFolder(string folder)
    {
#if NET7_0_OR_GREATER
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder, (UnixFileMode)PrivateFolderMode);
        }
#endif
        Directory.CreateDirectory(folder);
        NativeUnix.SetMode(folder, PrivateFolderMode);
    }

    private static string WriteTemporary(string path, Action<Stream> writeContent, bool privateFile)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using var stream = OpenNew(temporary, privateFile);
            writeContent(stream);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return temporary;
    }

    /// <summary>Opens a new file; private files are 0600 from their creation on Linux, not after.</summary>
    /// <remarks><paramref name="bufferSize"/> 0 writes straight through, so a failed write leaves nothing behind to be written later.</remarks>
    internal static FileStream OpenNew(string path, bool privateFile, FileMode mode = FileMode.CreateNew, int bufferSize = 4096, FileShare share = FileShare.Read)
    {
#if NET7_0_OR_GREATER
        if (privateFile && !OperatingSystem.IsWindows())
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = mode,
                Access = FileAccess.Write,
                Share = share,
                UnixCreateMode = (UnixFileMode)PrivateMode,
                BufferSize = bufferSize,
            });
        }
#endif
        var stream = new FileStream(path, mode, FileAccess.Write, share, Math.Max(bufferSize, 1));
        if (privateFile)
        {
            NativeUnix.SetMode(path, PrivateMode);
        }

        return stream;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
