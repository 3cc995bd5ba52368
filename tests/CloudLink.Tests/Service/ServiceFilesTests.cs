using CloudLink.Core.Instance;
using CloudLink.Core.Service;
using CloudLink.Core.State;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Service;

/// <summary>
/// What 'service install' gives the service's user, and what it never gives: a file outside the
/// instance that a hard or symbolic link in the state folder or a log's name points to.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServiceFilesTests
{
    [RootFact("it gives files to a throwaway user")]
    public void The_state_and_logs_go_to_the_user_the_config_to_its_group_and_nothing_a_link_points_to()
    {
        using var user = new ThrowawayUser();
        var account = UnixAccounts.Find(user.Name)!;
        using var folder = new TempFolder("cloudlink-service-files");
        using var outside = new TempFolder("cloudlink-outside");
        var paths = new InstancePaths(folder.Combine(InstancePaths.ConfigFileName));
        File.WriteAllText(paths.ConfigFile, "[app]\n");
        File.WriteAllText(paths.LogFile, "log\n");
        Directory.CreateDirectory(paths.StateFolder);
        File.WriteAllText(paths.PinFile, "{}");
        var victim = outside.Combine("victim");
        File.WriteAllText(victim, "root's");
        File.CreateSymbolicLink(Path.Combine(paths.StateFolder, "soft"), victim);
        Command.Output("ln", [victim, Path.Combine(paths.StateFolder, "hard")]);
        Command.Output("ln", [victim, folder.Combine("injixo-cloud-link.2026-01-01.1.log")]);

        ServiceFiles.GiveTo(paths, account);

        Assert.Equal($"0:{account.Gid} 1770", Describe(folder.Path));
        Assert.Equal($"0:{account.Gid} 640", Describe(paths.ConfigFile));
        Assert.Equal($"{account.Uid}:{account.Gid} 640", Describe(paths.LogFile));
        Assert.Equal($"{account.Uid}:{account.Gid} 700", Describe(paths.StateFolder));
        Assert.Equal($"{account.Uid}:{account.Gid} 600", Describe(paths.PinFile));
        Assert.StartsWith("0:0 ", Describe(victim), StringComparison.Ordinal);

        ServiceFiles.GiveTo(paths, new UnixAccount("root", 0, 0));
        Assert.Equal("0:0 755", Describe(folder.Path));
        Assert.Equal("0:0 640", Describe(paths.ConfigFile));
        Assert.Equal("0:0 600", Describe(paths.PinFile));
    }

    private static string Describe(string path) => Command.Output("stat", ["-c", "%u:%g %a", path]).Trim();
}
