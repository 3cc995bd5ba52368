using CloudLink.Core.State;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Resilience;

/// <summary>A credentials file cut short or overwritten: the agent goes on from its copy, linked as before; with both gone bad it says what to do.</summary>
public sealed class DamagedCredentialsTests
{
    [Fact]
    public async Task A_damaged_credentials_file_is_restored_from_its_copy_and_the_agent_stays_linked()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress);
        await using (instance.StartInProcess())
        {
            await instance.PairAsync(cloud, integration.Id);
            instance.Drop("before.csv", "a,b\r\n1,2\r\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 1, TimeSpan.FromSeconds(30), "the first file");
        }

        var file = instance.Paths.CredentialsFile;
        var secret = instance.Credentials()!.Secret;
        var content = File.ReadAllBytes(file);
        File.WriteAllBytes(file, content[..(content.Length / 2)]);
        await using (instance.StartInProcess())
        {
            instance.Drop("after.csv", "a,b\r\n3,4\r\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync(integration.Id)).Count == 2, TimeSpan.FromSeconds(30), "the second file");
        }

        Assert.Contains("credentials.json was damaged", instance.LogText(), StringComparison.Ordinal);
        Assert.Contains("restored from its copy", instance.LogText(), StringComparison.Ordinal);
        Assert.Single(await cloud.People.AgentsAsync(integration.Id));
        var store = new CredentialStore(instance.Paths);
        Assert.Equal(secret, store.Load()!.Secret);
        Assert.Null(store.RecoveredFrom);
    }

    [Fact]
    public void With_the_file_and_its_copy_damaged_the_error_names_the_file_and_what_to_do()
    {
        using var folder = new TempFolder("cloudlink-credentials");
        var paths = new CloudLink.Core.Instance.InstancePaths(folder.Combine("injixo-cloud-link.toml"));
        var store = new CredentialStore(paths);
        store.Save(new AgentCredentials { Secret = "s3cret", CloudUrl = "http://127.0.0.1:1", Linked = true });
        File.WriteAllText(paths.CredentialsFile, "{\"secret\":");
        File.WriteAllBytes(MirroredFile.CopyOf(paths.CredentialsFile), []);

        var error = Assert.Throws<StateException>(store.Load);

        Assert.Equal(paths.CredentialsFile, error.File);
        Assert.Contains("delete both and pair the agent again", error.Message, StringComparison.Ordinal);
    }
}
