namespace CloudLink.Cloud.Storage;

/// <summary>The cloud's data stays its own: folders 0700, files 0600 (on Unix; Windows keeps the folder's ACL).</summary>
internal static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and its parents) if missing and makes it 0700.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>Creates an empty file that is 0600 from the start, unless it exists.</summary>
    public static void CreateEmpty(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var options = NewFile(1);
        options.Options = FileOptions.None;
        try
        {
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
    }

    /// <summary>Makes an existing file 0600.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Options for a new file that is 0600 from its first byte.</summary>
    public static FileStreamOptions NewFile(int bufferSize) => OperatingSystem.IsWindows()
        ? new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize, Options = FileOptions.Asynchronous }
        : new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize, Options = FileOptions.Asynchronous, UnixCreateMode = FileMode };
}
