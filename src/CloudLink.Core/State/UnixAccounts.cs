using System.Globalization;
using System.Runtime.InteropServices;

namespace CloudLink.Core.State;

/// <summary>A user of the system: name, user id and primary group id.</summary>
public sealed record UnixAccount(string Name, uint Uid, uint Gid);

/// <summary>
/// Users by name or id through libc (so NSS sources such as LDAP count, not only /etc/passwd),
/// names for messages ("mallory (uid 1001)"), and becoming another user for good.
/// </summary>
public static class UnixAccounts
{
    public static string Describe(uint uid) => Find(uid) is { } account
        ? $"{account.Name} (uid {uid.ToString(CultureInfo.InvariantCulture)})"
        : $"uid {uid.ToString(CultureInfo.InvariantCulture)}";

    public static UnixAccount? Find(uint uid) => NativeUnix.IsUnix ? Read(getpwuid(uid)) : null;

    public static UnixAccount? Find(string name) => NativeUnix.IsUnix ? Read(getpwnam(name)) : null;

    /// <summary>
    /// Makes this process <paramref name="account"/> for the rest of its life: its groups (primary and
    /// supplementary, as at login), then its group id, then its user id. Root only; the order matters,
    /// as a process that gave up root can no longer change its groups.
    /// </summary>
    /// <param name="reason">The file that makes the process change users, for the message when it cannot.</param>
    public static void Become(UnixAccount account, string reason)
    {
        if (initgroups(account.Name, account.Gid) != 0 || setgid(account.Gid) != 0 || setuid(account.Uid) != 0)
        {
            var errno = Marshal.GetLastWin32Error();
            throw new StateException(reason, $"cannot act as {account.Name}, its owner (uid {account.Uid}): {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno}).");
        }

        if (NativeUnix.EffectiveUser != account.Uid)
        {
            throw new StateException(reason, $"the process is still uid {NativeUnix.EffectiveUser} after becoming its owner {account.Name} (uid {account.Uid}).");
        }
    }

    private static UnixAccount? Read(IntPtr entry)
    {
        if (entry == IntPtr.Zero)
        {
            return null;
        }

        var passwd = Marshal.PtrToStructure<Passwd>(entry);
        var name = Marshal.PtrToStringAnsi(passwd.Name);
        return name is null ? null : new UnixAccount(name, passwd.Uid, passwd.Gid);
    }

    /// <summary>The head of glibc's struct passwd: pw_name, pw_passwd, pw_uid, pw_gid (the rest is not read).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Passwd
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint Uid;
        public uint Gid;
    }

#pragma warning disable CA5392, SYSLIB1054, CA2101 // libc comes from the system folders only (NativeLibraryResolver); LibraryImport is not available on netstandard2.0; user names are bytes (UTF-8 or ASCII).
    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr getpwnam(string name);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr getpwuid(uint uid);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int initgroups(string user, uint group);

    [DllImport("libc", SetLastError = true)]
    private static extern int setgid(uint gid);

    [DllImport("libc", SetLastError = true)]
    private static extern int setuid(uint uid);
#pragma warning restore CA5392, SYSLIB1054, CA2101
}
