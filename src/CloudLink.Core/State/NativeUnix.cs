using System.Runtime.InteropServices;

namespace CloudLink.Core.State;

/// <summary>The few libc calls the state files and the folder scan need on Linux: permissions, fsync of a folder after a rename, the file type.</summary>
internal static class NativeUnix
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux
    private const int AtCurrentFolder = -100; // AT_FDCWD
    private const uint StatxType = 0x1; // STATX_TYPE
    private const int StatxModeOffset = 28; // stx_mode
    private const int FileTypeMask = 0xF000; // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG
    private const int Folder = 0x4000; // S_IFDIR

    public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static void SetMode(string path, int mode)
    {
        if (IsUnix && chmod(Utf8z(path), (uint)mode) != 0)
        {
            var errno = Marshal.GetLastWin32Error();
            throw new IOException($"Cannot set the permissions of '{path}': {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno}).");
        }
    }

    /// <summary>
    /// True for a named pipe, socket or device (symbolic links followed): opening one to read may block
    /// forever. False for regular files and folders, and where the type cannot be told.
    /// </summary>
    public static bool IsSpecialFile(string path)
    {
        if (!IsUnix)
        {
            return false;
        }

        var buffer = new byte[256]; // struct statx: the same layout on every Linux architecture
        try
        {
            if (statx(AtCurrentFolder, Utf8z(path), 0, StatxType, buffer) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }

        var type = BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask;
        return type is not (RegularFile or Folder);
    }

    /// <summary>Makes a rename inside <paramref name="folder"/> durable; best effort where the OS refuses.</summary>
    public static void SyncFolder(string folder)
    {
        if (!IsUnix)
        {
            return;
        }

        var fd = open(Utf8z(folder), ReadOnlyDirectory);
        if (fd < 0)
        {
            return;
        }

        _ = fsync(fd);
        _ = close(fd);
    }

    /// <summary>A path as libc wants it: UTF-8, NUL-terminated.</summary>
    private static byte[] Utf8z(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

#pragma warning disable CA5392, SYSLIB1054 // libc is resolved by the runtime; LibraryImport is not available on netstandard2.0.
    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(byte[] path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int folderFd, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
#pragma warning restore CA5392, SYSLIB1054
}
