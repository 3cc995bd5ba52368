using System.Reflection;
using CloudLink.Core.Config;
using CloudLink.Core.State;

namespace CloudLink.Core.Instance;

/// <summary>One finding about the files an instance runs on: fatal ones stop the agent (like sshd's StrictModes), the rest are warnings.</summary>
public sealed record FileSafetyFinding(string Path, string Problem, string Fix, bool Fatal)
{
    public override string ToString() => $"{Path}: {Problem} Fix: {Fix}";
}

/// <summary>
/// Whether the instance's folder, config, state folder and executable can be changed only by root
/// or the user the agent runs as: anyone else who could write one of them could make the agent run
/// their SQL with the database's credentials, or their program. And whether a config that holds a
/// secret is kept from other users.
/// </summary>
public static class InstanceFileSafety
{
    private const int GroupWrite = 0x10; // 0020
    private const int OthersWrite = 0x2; // 0002
    private const int OthersAll = 0x7; // 0007
    private const int Sticky = 0x200; // 01000

    public static IReadOnlyList<FileSafetyFinding> Check(InstancePaths paths)
    {
        var findings = new List<FileSafetyFinding>();
        if (!NativeUnix.IsUnix)
        {
            return findings;
        }

        var user = NativeUnix.EffectiveUser;
        foreach (var path in new[] { paths.Folder, paths.ConfigFile, paths.StateFolder }.Concat(Executables()))
        {
            if (NativeUnix.Stat(path, followLinks: true) is { } facts)
            {
                CheckWriters(findings, path, facts, user);
            }
        }

        if (NativeUnix.Stat(paths.ConfigFile, followLinks: true) is { } config && (config.Permissions & OthersAll) != 0 && HoldsSecret(paths))
        {
            findings.Add(new FileSafetyFinding(paths.ConfigFile,
                $"holds a database secret and other users may read it (mode {Mode(config.Permissions)}).",
                $"chmod o-rwx '{paths.ConfigFile}'", Fatal: false));
        }

        return findings;
    }

    private static void CheckWriters(List<FileSafetyFinding> findings, string path, NativeUnix.Facts facts, uint user)
    {
        if (facts.Owner != 0 && facts.Owner != user)
        {
            findings.Add(new FileSafetyFinding(path,
                $"belongs to {UnixAccounts.Describe(facts.Owner)}, not to root or {UnixAccounts.Describe(user)} that the agent runs as.",
                $"chown root '{path}'", Fatal: true));
        }

        if ((facts.Permissions & (GroupWrite | OthersWrite)) != 0 && !IsServiceFolder(facts))
        {
            var who = (facts.Permissions & OthersWrite) != 0 ? "every user" : "its group";
            findings.Add(new FileSafetyFinding(path,
                $"can be changed by {who} (mode {Mode(facts.Permissions)}); the agent runs only on files that root or its own user alone can change.",
                $"chmod go-w '{path}'", Fatal: true));
        }
    }

    /// <summary>
    /// The folder as 'service install' leaves it (<see cref="Service.ServiceFiles"/>): root's, writable
    /// by the agent's own group so it can add its logs, and sticky, so that no one but root can rename
    /// or replace a file of root's in it.
    /// </summary>
    private static bool IsServiceFolder(NativeUnix.Facts facts) =>
        facts.IsFolder && facts.Owner == 0 && (facts.Permissions & Sticky) != 0 && (facts.Permissions & OthersWrite) == 0 && facts.Group == NativeUnix.EffectiveGroup;

    /// <summary>The program running: the single-file agent itself, or the runtime and the agent's assembly it runs.</summary>
#if NET
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "An empty location (single file, native) is skipped; the process path names that executable.")]
#endif
    private static IEnumerable<string> Executables()
    {
#if NET
        if (Environment.ProcessPath is { Length: > 0 } process)
        {
            yield return process;
        }
#endif
        var assembly = Assembly.GetEntryAssembly()?.Location;
        if (!string.IsNullOrEmpty(assembly))
        {
            yield return assembly!;
        }
    }

    private static bool HoldsSecret(InstancePaths paths)
    {
        try
        {
            return ConfigSecrets.Holds(ConfigLoader.Read(paths));
        }
        catch (Exception e) when (e is ConfigException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Mode(int permissions) => "0" + Convert.ToString(permissions, 8).PadLeft(3, '0');
}
