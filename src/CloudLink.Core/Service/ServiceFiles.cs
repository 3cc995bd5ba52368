using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.Core.State;

namespace CloudLink.Core.Service;

/// <summary>
/// Owners and modes of an instance's files for the user its service runs as (Linux, by root at
/// 'service install'):
/// <list type="bullet">
/// <item>the folder stays root's, mode 01770 with the service's group: the service adds its logs,
/// but the sticky bit keeps it from renaming or replacing root's executable and config;</item>
/// <item>the config root:group 0640: the service reads it, cannot change it, others cannot read it;</item>
/// <item>the state folder and its files belong to the service user (0700, 0600);</item>
/// <item>the logs belong to the service user and its group (0640), so admins can be given that group to read them.</item>
/// </list>
/// For a service run as root, everything goes back to root (folder 0755).
/// </summary>
public static class ServiceFiles
{
    public const int SharedFolderMode = 0x3F8; // 01770
    private const int RootFolderMode = 0x1ED; // 0755
    private const int ConfigMode = 0x1A0; // 0640
    private const int LogMode = 0x1A0; // 0640

    public static void GiveTo(InstancePaths paths, UnixAccount account)
    {
        var asRoot = account.Uid == 0;
        var group = asRoot ? 0 : account.Gid;
        NativeUnix.ChangeOwner(paths.Folder, 0, group);
        NativeUnix.SetMode(paths.Folder, asRoot ? RootFolderMode : SharedFolderMode);
        if (NativeUnix.Stat(paths.ConfigFile, followLinks: false) is { IsRegularFile: true })
        {
            NativeUnix.ChangeOwner(paths.ConfigFile, 0, group);
            NativeUnix.SetMode(paths.ConfigFile, ConfigMode);
        }

        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        GiveTree(paths.StateFolder, account);
        foreach (var log in Directory.EnumerateFiles(paths.Folder))
        {
            if (IsOwnFile(log) && IsLog(log))
            {
                NativeUnix.ChangeOwner(log, account.Uid, account.Gid);
                NativeUnix.SetMode(log, LogMode);
            }
        }
    }

    /// <summary>The folder and everything in it, links themselves (never what they point to), folders 0700 and files 0600.</summary>
    private static void GiveTree(string folder, UnixAccount account)
    {
        NativeUnix.ChangeOwner(folder, account.Uid, account.Gid);
        NativeUnix.SetMode(folder, AtomicFile.PrivateFolderMode);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var facts = NativeUnix.Stat(entry, followLinks: false);
            if (facts is { IsFolder: true })
            {
                GiveTree(entry, account);
                continue;
            }

            if (facts is { IsSymbolicLink: true })
            {
                NativeUnix.ChangeOwner(entry, account.Uid, account.Gid);
            }
            else if (IsOwnFile(entry))
            {
                NativeUnix.ChangeOwner(entry, account.Uid, account.Gid);
                NativeUnix.SetMode(entry, AtomicFile.PrivateMode);
            }
        }
    }

    /// <summary>
    /// A regular file with one name: a second name (a hard link a user made to a file of
    /// someone else's) would hand that other file over too, so it is left alone.
    /// </summary>
    private static bool IsOwnFile(string path) => NativeUnix.Stat(path, followLinks: false) is { IsRegularFile: true, Links: 1 };

    private static bool IsLog(string path)
    {
        var name = Path.GetFileName(path);
        return name == InstancePaths.LogFileName || LogPurge.IsRotatedName(name);
    }
}
