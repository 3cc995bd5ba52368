using CloudLink.Tests.Support;

namespace CloudLink.Tests.Security;

/// <summary>
/// A local user who may write the import folder, against an agent running as root: links to files
/// that are not hers upload nothing and are reported with the link, its target and the rule; a link
/// to her own file is imported, and imported again when the file changes.
/// </summary>
public sealed class SymlinkAttackTests
{
    [RootFact("it makes a throwaway user and links files as that user")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Links_to_files_of_others_upload_nothing_while_a_link_to_her_own_file_is_imported_and_followed()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 0.3, scanSeconds: 0.1);
        using var mallory = new ThrowawayUser();
        var import = linked.Instance.ImportFolder;
        Command.Output("chown", [mallory.Name, import]);
        using var home = new TempFolder("cloudlink-mallory");
        Command.Output("chown", [mallory.Name, home.Path]);
        var credentials = Path.Combine(linked.Instance.Folder, "state", "credentials.json");
        Assert.True(File.Exists(credentials));

        mallory.Shell($"ln -s /etc/shadow '{import}/shadow.csv'");
        mallory.Shell($"ln -s '{credentials}' '{import}/credentials.csv'");
        mallory.Shell($"ln -s /etc '{import}/folder.csv'");
        mallory.Shell($"printf 'id\\n1\\n' > '{home.Path}/own.csv' && ln -s '{home.Path}/own.csv' '{import}/own.csv'");

        var first = Assert.Single(await linked.ReceivedAtLeastAsync(1));
        Assert.Equal("own.csv", first.FileName);
        mallory.Shell($"printf '2\\n' >> '{home.Path}/own.csv'");
        var both = await linked.ReceivedAtLeastAsync(2);
        await Task.Delay(1000);

        var received = await linked.Cloud.People.ReceivedAsync(linked.Integration.Id);
        Assert.Equal(["own.csv", "own.csv"], received.Select(file => file.FileName));
        Assert.Equal("id\n1\n2\n", System.Text.Encoding.UTF8.GetString(await linked.Cloud.People.ContentAsync(received[1].Id)));
        var log = linked.Instance.LogText();
        Assert.Contains($"shadow.csv is not imported: it is a symbolic link owned by {mallory.Name} (uid {mallory.Uid}) to /etc/shadow, owned by root (uid 0); " +
                        "a link is followed only when it and its target have the same owner", log, StringComparison.Ordinal);
        Assert.Contains($"credentials.csv is not imported: it is a symbolic link owned by {mallory.Name} (uid {mallory.Uid}) to {credentials}, owned by root (uid 0)", log, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", log, StringComparison.Ordinal);
        Assert.DoesNotContain(linked.Instance.Credentials()!.Secret, log, StringComparison.Ordinal);
        Assert.Equal(2, both.Count);
    }
}
