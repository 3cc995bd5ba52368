using CloudLink.Core.Config;
using CloudLink.Core.Install;
using CloudLink.Core.Instance;
using CloudLink.Core.Pairing;
using CloudLink.Core.Processes;
using CloudLink.Tests.Service;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Pairing;

/// <summary>The module's PIN (Get-CloudLinkPin, Install-CloudLinkInstance) comes from the instance's own packaged agent.</summary>
public sealed class PinLookupTests
{
    [PackageFact]
    public async Task The_pin_comes_from_the_instances_agent_and_a_bad_config_is_named_before_it_runs()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var root = new TempFolder();
        using var opt = new TempFolder();
        var installer = new LinuxInstanceInstaller(ProcessRunner.Instance, new InstanceCatalog(root.Path, windows: false));
        var instance = installer.Install(new LinuxInstallRequest { Archive = SystemdServiceTests.Package!, Folder = opt.Combine("east"), CloudUrl = cloud.BaseAddress.ToString(), InstallService = false });
        var agent = new AgentCli(ProcessRunner.Instance);

        var first = PinLookup.Get(agent, instance, fresh: false);
        Assert.Matches("^[0-9]{6}$", first.Pin);
        Assert.False(first.Linked);
        Assert.Equal(instance.Paths.Folder, first.Folder);
        Assert.Equal(first.Pin, PinLookup.Get(agent, instance, fresh: false).Pin);
        Assert.NotEqual(first.Pin, PinLookup.Get(agent, instance, fresh: true).Pin);

        File.WriteAllText(instance.Paths.ConfigFile, File.ReadAllText(instance.Paths.ConfigFile).Replace("verbose = false", "verbose = maybe", StringComparison.Ordinal));
        var bad = Assert.Throws<ConfigException>(() => PinLookup.Get(agent, instance, fresh: false));
        Assert.Contains(instance.Paths.ConfigFile, bad.Message, StringComparison.Ordinal);
    }
}
