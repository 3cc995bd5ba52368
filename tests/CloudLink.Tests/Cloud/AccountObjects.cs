using System.Net.Http.Json;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Cloud;

/// <summary>
/// One of every object an account owns, made the real way: a CSV integration with a linked agent
/// (paired by PIN), a received file and a window; a database integration with settings and a
/// stored connection string; the user's API token.
/// </summary>
public sealed class AccountObjects
{
    /// <summary>The stored database password: no people-side answer may contain it.</summary>
    public const string DatabasePassword = "Db-S3cret!pass";

    public required IntegrationInfo Integration { get; init; }
    public required IntegrationInfo Database { get; init; }
    public required AgentInfo Agent { get; init; }
    public required long FileId { get; init; }
    public required long WindowId { get; init; }
    public required long TokenId { get; init; }

    public static DatabaseSettingsInfo Settings(string query = "SELECT 1") => new()
    {
        DataType = "interval",
        Query = query,
        TimeZone = "Europe/Berlin",
        IntervalMinutes = 15,
        Connection = $"DRIVER={{PostgreSQL Unicode}};Server=db;Database=acd;UID=wfm;PWD={DatabasePassword}",
    };

    public static async Task<AccountObjects> CreateAsync(CloudServer cloud, TestAccount account)
    {
        var integration = await account.People.CreateIntegrationAsync("ACD export");
        var database = await account.People.CreateIntegrationAsync("ACD database", IntegrationTypes.Database);
        await account.People.SetDatabaseAsync(database.Id, Settings());
        using var agent = new WireAgent(cloud.BaseAddress);
        var linked = await agent.PairAsync(account, integration.Id);
        var file = await agent.UploadFileAsync("contacts.csv", "queueidentifier;offered\r\n1;12\r\n");
        var window = await agent.UploadWindowAsync("2026-03-29T01:00", "2026-03-29T01:15", "queueidentifier,offered\r\n1,12\r\n");
        var token = (await account.Http.GetFromJsonAsync(PeopleRoutes.Tokens, ProtocolJson.Default.ListApiTokenInfo))!.Single();
        return new AccountObjects
        {
            Integration = integration,
            Database = database,
            Agent = linked,
            FileId = file.FileId,
            WindowId = window.FileId,
            TokenId = token.Id,
        };
    }

    /// <summary>The object an endpoint with an id acts on, and a body it would accept; fails for an endpoint this class does not know yet.</summary>
    public (long Id, string Body) For(CloudEndpoint endpoint) => endpoint.Pattern switch
    {
        _ when endpoint.Pattern.EndsWith("/database", StringComparison.Ordinal) =>
            (Database.Id, System.Text.Json.JsonSerializer.Serialize(Settings("SELECT 2"), ProtocolJson.Default.DatabaseSettingsInfo)),
        _ when endpoint.Pattern.EndsWith("/connect", StringComparison.Ordinal) || endpoint.Pattern.EndsWith("/pin-preview", StringComparison.Ordinal) =>
            (Integration.Id, "{\"pin\":\"123456\"}"),
        _ when endpoint.Pattern.StartsWith(PeopleRoutes.Integrations + "/", StringComparison.Ordinal) => (Integration.Id, "{}"),
        _ when endpoint.Pattern.StartsWith(PeopleRoutes.Agents + "/", StringComparison.Ordinal) => (Agent.Id, "{}"),
        _ when endpoint.Pattern.StartsWith(PeopleRoutes.ReceivedWindows + "/", StringComparison.Ordinal) => (WindowId, "{}"),
        _ when endpoint.Pattern.StartsWith(PeopleRoutes.Received + "/", StringComparison.Ordinal) => (FileId, "{}"),
        _ when endpoint.Pattern.StartsWith(PeopleRoutes.Tokens + "/", StringComparison.Ordinal) => (TokenId, "{}"),
        _ => throw new InvalidOperationException($"{endpoint} takes an id this test does not know: add its object to AccountObjects."),
    };
}
