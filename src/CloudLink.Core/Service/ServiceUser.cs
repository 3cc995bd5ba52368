using System.Text.RegularExpressions;
using CloudLink.Core.Processes;
using CloudLink.Core.State;

namespace CloudLink.Core.Service;

/// <summary>
/// The dedicated system user a Linux service runs as: <see cref="DefaultName"/> unless
/// 'service install --user NAME' names another; created when missing, without a home or a login
/// shell. Root only when asked for by name.
/// </summary>
public static class ServiceUser
{
    public const string DefaultName = "injixo-cloud-link";

    /// <summary>What useradd accepts everywhere (Debian's NAME_REGEX without the trailing '$' of Samba machines).</summary>
    private static readonly Regex ValidName = new("^[a-z_][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The user of that name, created as a system user (own group, no home, no login) when missing.</summary>
    public static (UnixAccount Account, bool Created) Ensure(string name, IProcessRunner runner)
    {
        if (!ValidName.IsMatch(name))
        {
            throw new ServiceException($"'{name}' is not a user name for a service (--user): use lower-case letters, digits, '_' and '-', starting with a letter or '_', at most 32 characters.");
        }

        if (UnixAccounts.Find(name) is { } existing)
        {
            return (existing, false);
        }

        var created = runner.Run("useradd", CommandLine.Join([
            "--system", "--user-group", "--home-dir", "/nonexistent", "--no-create-home", "--shell", "/usr/sbin/nologin",
            "--comment", "injixo Cloud Link service", name,
        ]));
        if (created.ExitCode != 0)
        {
            throw new ServiceException($"Cannot create the system user {name} for the service (useradd exit {created.ExitCode}): {created.Error.Trim()} " +
                $"Create it yourself (e.g. 'adduser --system --group {name}'), then run 'injixo-cloud-link service install --user {name}' again.");
        }

        return (UnixAccounts.Find(name) ?? throw new ServiceException($"useradd created {name}, but the system does not know the user; check /etc/nsswitch.conf."), true);
    }

    /// <summary>
    /// Null when <paramref name="account"/> can list <paramref name="folder"/> and read its files;
    /// otherwise what is wrong and exactly how to grant it. Root only (asks as that user, with runuser).
    /// </summary>
    public static FolderAccessProblem? ReadProblem(UnixAccount account, string folder, IProcessRunner runner)
    {
        if (account.Uid == 0 || !Directory.Exists(folder))
        {
            return account.Uid == 0 ? null : Missing(account.Name, folder);
        }

        var test = runner.Run("runuser", CommandLine.Join(["-u", account.Name, "--", "sh", "-c",
            "test -r \"$1\" && test -x \"$1\" || exit 4; for f in \"$1\"/*.csv \"$1\"/*.CSV; do [ ! -e \"$f\" ] || test -r \"$f\" || exit 3; done", "sh", folder]));
        return test.ExitCode switch
        {
            0 => null,
            3 => FilesUnreadable(account.Name, folder),
            _ => FolderUnreadable(account.Name, folder),
        };
    }

    /// <summary>The same, for the user this process runs as ('check', which runs as the instance's user).</summary>
    public static FolderAccessProblem? ReadProblemHere(string folder, string userName)
    {
        if (!Directory.Exists(folder))
        {
            return Missing(userName, folder);
        }

        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(folder, "*").Where(file => file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        }
        catch (UnauthorizedAccessException)
        {
            return FolderUnreadable(userName, folder);
        }

        foreach (var file in files)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            }
            catch (UnauthorizedAccessException)
            {
                return FilesUnreadable(userName, folder);
            }
            catch (IOException)
            {
                // Gone or busy: the agent retries it; not a question of rights.
            }
        }

        return null;
    }

    private static FolderAccessProblem Missing(string user, string folder) => new(
        $"The import folder {folder} does not exist.",
        $"Create it so that {user} can read it, e.g. 'install -d -m 2750 -g {user} {CommandLine.ShellQuote(folder)}', or set app.importDirectory to the folder the exports are saved in.");

    private static FolderAccessProblem FolderUnreadable(string user, string folder)
    {
        var quoted = CommandLine.ShellQuote(folder);
        return new($"{user} cannot read the import folder {folder}.",
            $"Grant it: 'setfacl -m u:{user}:rx {quoted} && setfacl -d -m u:{user}:r {quoted}' (package acl; the folders above need x for it too), " +
            $"or add it to the folder's group ('usermod -aG $(stat -c %G {quoted}) {user}', with g+rx on the folder), then restart the service.");
    }

    private static FolderAccessProblem FilesUnreadable(string user, string folder)
    {
        var quoted = CommandLine.ShellQuote(folder);
        return new($"{user} can open the import folder {folder} but cannot read files in it.",
            $"Let it read them, now and when new ones arrive: 'setfacl -m u:{user}:r {quoted}/* && setfacl -d -m u:{user}:r {quoted}' (package acl), " +
            $"or have the files written with a group {user} is in ('usermod -aG GROUP {user}', then restart the service).");
    }
}

/// <summary>What the service's user cannot read, and how to grant it.</summary>
public sealed record FolderAccessProblem(string Problem, string Fix)
{
    public override string ToString() => $"{Problem} {Fix}";
}
