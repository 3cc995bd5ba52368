using System.Net;
using System.Net.Http.Json;
using System.Text;
using CloudLink.Protocol;
using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Cloud;

/// <summary>
/// Who may do what, driven by the app's own route table: every people-side endpoint needs a
/// session or an API token, and every endpoint that takes an id answers another account 404 for
/// this account's object, exactly as for one that does not exist, and changes nothing.
/// </summary>
public sealed class PeopleAccessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_people_side_endpoint_answers_401_without_a_session_or_a_live_token()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD");
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cloud.BaseAddress };
        using var forged = cloud.Client("clt_" + new string('x', 43));
        var peopleSide = CloudEndpoint.All(cloud).Where(endpoint => endpoint.IsPeopleSide).ToList();
        Assert.True(peopleSide.Count >= 20, $"only {peopleSide.Count} people-side endpoints were found: {string.Join(", ", peopleSide)}");

        foreach (var endpoint in peopleSide)
        {
            foreach (var (client, how) in new[] { (noRedirects, "no credential"), (forged, "an unknown token") })
            {
                using var response = await client.SendAsync(Request(endpoint, endpoint.Path(integration.Id), "{}"));
                var expected = endpoint.Pattern.StartsWith("/api/", StringComparison.Ordinal) ? HttpStatusCode.Unauthorized
                    : how == "no credential" ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized;
                Assert.True(response.StatusCode == expected, $"{endpoint} with {how} answered {(int)response.StatusCode}, not {(int)expected}");
                if (expected == HttpStatusCode.Unauthorized)
                {
                    var error = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse);
                    Assert.Equal(ErrorCodes.Unauthenticated, error!.Code);
                }
                else
                {
                    Assert.Equal(PeopleRoutes.SignIn, new Uri(cloud.BaseAddress, response.Headers.Location!).AbsolutePath);
                }
            }
        }

        output.WriteLine($"{peopleSide.Count} people-side endpoints refused without a credential: {string.Join(", ", peopleSide)}");
        var unchanged = await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}", ProtocolJson.Default.IntegrationInfo);
        Assert.Null(unchanged!.DeletedAt);
        Assert.False(unchanged.Paused);
    }

    [Fact]
    public async Task Another_account_gets_404_for_every_object_of_this_one_and_changes_nothing()
    {
        await using var cloud = await CloudServer.StartAsync();
        var a = cloud.Account;
        var b = cloud.CreateAccount("Other tenant");
        var objects = await AccountObjects.CreateAsync(cloud, a);
        var withId = CloudEndpoint.All(cloud).Where(endpoint => endpoint.IsPeopleSide && endpoint.TakesId).ToList();
        Assert.True(withId.Count >= 12, $"only {withId.Count} endpoints with an id were found: {string.Join(", ", withId)}");

        foreach (var endpoint in withId)
        {
            var (id, body) = objects.For(endpoint);
            using var response = await b.Http.SendAsync(Request(endpoint, endpoint.Path(id), body));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{endpoint} for account A's object {id} answered account B {(int)response.StatusCode}, not 404");
            Assert.Equal(ErrorCodes.NotFound, (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse))!.Code);
        }

        foreach (var list in new[] { PeopleRoutes.Received, PeopleRoutes.ReceivedWindows })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await b.Http.GetAsync($"{list}?integrationId={objects.Integration.Id}")).StatusCode);
            Assert.Equal("[]", await b.Http.GetStringAsync(list));
        }

        Assert.Equal("[]", await b.Http.GetStringAsync(PeopleRoutes.Integrations + "?includeDeleted=true"));

        // Nothing of A's changed: the integration is live and importing, its agent linked, its token works.
        var integration = await a.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{objects.Integration.Id}", ProtocolJson.Default.IntegrationInfo);
        Assert.Null(integration!.DeletedAt);
        Assert.False(integration.Paused);
        Assert.Null(Assert.Single(await a.People.AgentsAsync(objects.Integration.Id)).RevokedAt);
        Assert.Null(Assert.Single(await a.Http.GetFromJsonAsync(PeopleRoutes.Tokens, ProtocolJson.Default.ListApiTokenInfo) ?? []).RevokedAt);
        Assert.Equal("SELECT 1", (await a.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{objects.Database.Id}", ProtocolJson.Default.IntegrationInfo))!.Database!.Query);
        output.WriteLine($"{withId.Count} endpoints with an id answered another account 404: {string.Join(", ", withId)}");
    }

    private static HttpRequestMessage Request(CloudEndpoint endpoint, string path, string body) => new(new HttpMethod(endpoint.Method), path)
    {
        Content = endpoint.Method is "POST" or "PUT" ? new StringContent(body, Encoding.UTF8, "application/json") : null,
    };
}
