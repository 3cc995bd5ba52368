using System.Runtime.InteropServices;

namespace CloudLink.Core.State;

/// <summary>The few libc calls the state files and the import folder need on Linux: permissions, fsync of a folder after a rename, statx and open without following links.</summary>
internal static class NativeUnix
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux
    private const int AtCurrentFolder = -100; // AT_FDCWD
    private const uint StatxType = 0x1; // STATX_TYPE
    private const int StatxModeOffset = 28; // stx_mode
    private const int FileTypeMask = 0xF000; // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG
    private const int Folder = 0x4000; // S_IFDIR

    private const int SymbolicLink = 0xA000; // S_IFLNK
    private const int AtSymlinkNoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const int AtEmptyPath = 0x1000; // AT_EMPTY_PATH
    private const uint StatxBasicStats = 0x7FF; // STATX_BASIC_STATS
    private const int StatxLinksOffset = 16; // stx_nlink
    private const int StatxUidOffset = 20;
    private const int StatxSizeOffset = 40;
    private const int StatxMtimeOffset = 112;
    private const int ReadOnlyCloseOnExecNonBlocking = 0x80000 | 0x800; // O_RDONLY | O_CLOEXEC | O_NONBLOCK
    private const int WriteOnlyAppendCreate = 0x1 | 0x400 | 0x40; // O_WRONLY | O_APPEND | O_CREAT
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    /// <summary>O_NOFOLLOW differs between architectures: 0400000 on x86-64, 0100000 on Arm.</summary>
    private static int NoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    public const int NoSuchFile = 2; // ENOENT
    public const int PermissionDenied = 13; // EACCES
    public const int NotAFolder = 20; // ENOTDIR
    public const int TooManyLinks = 40; // ELOOP: what open(O_NOFOLLOW) answers for a symbolic link

    public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>The process's effective user id.</summary>
    public static uint EffectiveUser => IsUnix ? geteuid() : 0;

    /// <summary>The process's effective group id.</summary>
    public static uint EffectiveGroup => IsUnix ? getegid() : 0;

    /// <summary>What statx tells of a file: owner, group, type, permissions, size and modification time (UTC ticks, as FileInfo gives them).</summary>
    public sealed class Facts(uint owner, uint group, int type, int permissions, long size, long modifiedTicks, uint links)
    {
        public uint Owner { get; } = owner;
        public uint Group { get; } = group;

        /// <summary>The permission bits (e.g. 0640), without the file type.</summary>
        public int Permissions { get; } = permissions;
        public long Size { get; } = size;
        public long ModifiedTicks { get; } = modifiedTicks;

        /// <summary>The number of hard links (names) the file has.</summary>
        public uint Links { get; } = links;
        public bool IsRegularFile => type == RegularFile;
        public bool IsSymbolicLink => type == SymbolicLink;
        public bool IsFolder => type == Folder;
    }

    /// <summary>The file at <paramref name="path"/>, or the link itself when <paramref name="followLinks"/> is false; null when there is none.</summary>
    public static Facts? Stat(string path, bool followLinks) => Statx(AtCurrentFolder, Utf8z(path), followLinks ? 0 : AtSymlinkNoFollow);

    /// <summary>The file an open handle refers to, whatever its path shows now.</summary>
    public static Facts? Stat(Microsoft.Win32.SafeHandles.SafeFileHandle handle) => Statx(handle.DangerousGetHandle().ToInt32(), [0], AtEmptyPath);

    /// <summary>Opens for reading without blocking on a pipe, refusing a symbolic link unless <paramref name="followLinks"/>; null with the errno when it cannot.</summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? OpenRead(string path, bool followLinks, out int errno)
    {
        var fd = open(Utf8z(path), ReadOnlyCloseOnExecNonBlocking | (followLinks ? 0 : NoFollow));
        errno = fd < 0 ? Marshal.GetLastWin32Error() : 0;
        return fd < 0 ? null : new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)fd, ownsHandle: true);
    }

    /// <summary>
    /// Opens for appending, creating the file with <paramref name="mode"/> (whatever the umask) and
    /// refusing a symbolic link in its place; null with the errno when it cannot. A file of this
    /// user with other permissions is given <paramref name="mode"/>.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? OpenAppend(string path, int mode, out int errno)
    {
        var fd = open(Utf8z(path), WriteOnlyAppendCreate | CloseOnExec | NoFollow, (uint)mode);
        errno = fd < 0 ? Marshal.GetLastWin32Error() : 0;
        if (fd < 0)
        {
            return null;
        }

        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)fd, ownsHandle: true);
        if (Stat(handle) is { } facts && facts.Owner == EffectiveUser && facts.Permissions != mode)
        {
            _ = fchmod(fd, (uint)mode);
        }

        return handle;
    }

    private static Facts? Statx(int folderFd, byte[] path, int flags)
    {
        if (!IsUnix)
        {
            return null;
        }

        var buffer = new byte[256]; // struct statx: the same layout on every Linux architecture
        if (statx(folderFd, path, flags, StatxBasicStats, buffer) != 0)
        {
            return null;
        }

        var seconds = BitConverter.ToInt64(buffer, StatxMtimeOffset);
        var nanoseconds = BitConverter.ToUInt32(buffer, StatxMtimeOffset + 8);
        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
        return new Facts(
            BitConverter.ToUInt32(buffer, StatxUidOffset),
            BitConverter.ToUInt32(buffer, StatxUidOffset + 4),
            mode & FileTypeMask,
            mode & 0xFFF,
            BitConverter.ToInt64(buffer, StatxSizeOffset),
            UnixEpochTicks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100),
            BitConverter.ToUInt32(buffer, StatxLinksOffset));
    }

    private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static void SetMode(string path, int mode)
    {
        if (IsUnix && chmod(Utf8z(path), (uint)mode) != 0)
        {
            var errno = Marshal.GetLastWin32Error();
            throw new IOException($"Cannot set the permissions of '{path}': {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno}).");
        }
    }

    /// <summary>Gives <paramref name="path"/> (a link itself, never its target) to <paramref name="owner"/> and <paramref name="group"/>.</summary>
    public static void ChangeOwner(string path, uint owner, uint group)
    {
        if (IsUnix && lchown(Utf8z(path), owner, group) != 0)
        {
            var errno = Marshal.GetLastWin32Error();
            throw new IOException($"Cannot give '{path}' to uid {owner}, gid {group}: {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno}).");
        }
    }

    /// <summary>Takes every permission of "others" away from a file (chmod o-rwx), keeping the owner's and the group's.</summary>
    public static void RemoveOthersAccess(string path)
    {
        if (IsUnix && Stat(path, followLinks: false) is { } facts && (facts.Permissions & 0x7) != 0)
        {
            SetMode(path, facts.Permissions & ~0x7);
        }
    }

    /// <summary>Where a symbolic link points, as written in it; null when <paramref name="path"/> is not a link.</summary>
    public static string? ReadLink(string path)
    {
        if (!IsUnix)
        {
            return null;
        }

        var buffer = new byte[4096];
        var length = readlink(Utf8z(path), buffer, (IntPtr)buffer.Length);
        return length <= 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length);
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

#pragma warning disable CA5392, SYSLIB1054 // libc comes from the system folders only (NativeLibraryResolver); LibraryImport is not available on netstandard2.0.
    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(byte[] path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int fchmod(int fd, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int folderFd, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern long readlink(byte[] path, byte[] buffer, IntPtr size);

    [DllImport("libc", SetLastError = true)]
    private static extern int lchown(byte[] path, uint owner, uint group);

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc")]
    private static extern uint getegid();
#pragma warning restore CA5392, SYSLIB1054
}
