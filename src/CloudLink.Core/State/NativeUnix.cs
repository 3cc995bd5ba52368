using System.Runtime.InteropServices;

namespace CloudLink.Core.State;

/// <summary>The few libc calls the state files need on Linux: permissions, and fsync of a folder after a rename.</summary>
internal static class NativeUnix
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static void SetMode(string path, int mode)
    {
        if (IsUnix && chmod(Utf8z(path), (uint)mode) != 0)
        {
            var errno = Marshal.GetLastWin32Error();
            throw new IOException($"Cannot set the permissions of '{path}': {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno}).");
        }
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
    private static extern int close(int fd);
#pragma warning restore CA5392, SYSLIB1054
}
