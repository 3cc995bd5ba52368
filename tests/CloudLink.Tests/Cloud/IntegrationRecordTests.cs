using System.Net.Http.Json;
using CloudLink.Core.Cloud;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Cloud;

/// <summary>What the cloud records: the latest version of a window, and who changed a database integration's SQL.</summary>
public sealed class IntegrationRecordTests
{
    [Fact]
    public async Task Window_versions_A_B_A_end_at_A()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("DB", IntegrationTypes.Database);
        using var agent = new WireAgent(cloud.BaseAddress);
        await agent.PairAsync(cloud.Account, integration.Id);
        const string a = "queueidentifier,offered\r\n1,12\r\n";
        const string b = "queueidentifier,offered\r\n1,13\r\n";

        var first = await agent.UploadWindowAsync("2026-03-29T01:00", "2026-03-29T01:15", a);
        var second = await agent.UploadWindowAsync("2026-03-29T01:00", "2026-03-29T01:15", b);
        var third = await agent.UploadWindowAsync("2026-03-29T01:00", "2026-03-29T01:15", a);

        Assert.Equal([UploadStatus.Stored, UploadStatus.Stored, UploadStatus.Duplicate], new[] { first.Status, second.Status, third.Status });
        var latest = Assert.Single(await cloud.People.WindowsAsync(integration.Id, latest: true));
        Assert.Equal(first.Sha256, latest.Sha256);
        Assert.Equal(a, await cloud.People.WindowContentAsync(latest.Id));
        Assert.Equal(2, (await cloud.People.WindowsAsync(integration.Id, latest: false)).Count);
        using var client = new CloudClient(cloud.BaseAddress);
        Assert.Equal(first.Sha256, Assert.Single(await client.ListWindowsAsync(agent.Secret, CancellationToken.None)).Sha256);
    }

    [Fact]
    public async Task Every_change_of_the_SQL_is_recorded_with_who_and_both_hashes_and_the_agent_sees_the_hash()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("DB", IntegrationTypes.Database);
        var other = cloud.CreateAccount("Second user's account");
        const string first = "SELECT q AS queueidentifier FROM stats";
        const string second = "SELECT q AS queueidentifier FROM stats WHERE 1 = 1";

        await cloud.People.SetDatabaseAsync(integration.Id, AccountObjects.Settings(first));
        await cloud.People.SetDatabaseAsync(integration.Id, AccountObjects.Settings(first));
        await cloud.People.SetDatabaseAsync(integration.Id, AccountObjects.Settings(second));

        var changes = await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}/query-changes", ProtocolJson.Default.ListQueryChangeInfo);
        Assert.Collection(changes!,
            change => Assert.Equal((null, QueryHash.Of(first), cloud.Account.User.Email), (change.OldSha256, change.NewSha256, change.ChangedBy)),
            change => Assert.Equal((QueryHash.Of(first), QueryHash.Of(second), cloud.Account.User.Email), (change.OldSha256, change.NewSha256, change.ChangedBy)));
        Assert.Equal(QueryHash.Of(second), (await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}", ProtocolJson.Default.IntegrationInfo))!.Database!.QuerySha256);

        using var agent = new WireAgent(cloud.BaseAddress);
        await agent.PairAsync(cloud.Account, integration.Id);
        using var client = new CloudClient(cloud.BaseAddress);
        var settings = await client.GetSettingsAsync(agent.Secret, CancellationToken.None);
        Assert.Equal(second, settings.Database!.Query);
        Assert.Equal(QueryHash.Of(second), settings.Database.QuerySha256);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.Http.GetAsync($"{PeopleRoutes.Integrations}/{integration.Id}/query-changes")).StatusCode);
    }
}
