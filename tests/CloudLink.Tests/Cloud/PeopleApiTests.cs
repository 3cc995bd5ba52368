using System.Net;
using System.Net.Http.Json;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Cloud;

public sealed class PeopleApiTests
{
    [Fact]
    public async Task The_integrations_page_is_served_where_the_banner_sends_people_once_they_signed_in()
    {
        await using var cloud = await CloudServer.StartAsync();

        var anonymous = await cloud.Anonymous.GetAsync(PeopleRoutes.Page);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(PeopleRoutes.SignIn, anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<form method=\"post\" action=\"/account/sign-in\">", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var browser = await BrowserSession.SignInAsync(cloud, cloud.Account.User.Email);
        var response = await browser.Http.GetAsync(PeopleRoutes.Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/account/integrations.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var script = await browser.Http.GetStringAsync("/account/integrations.js");
        Assert.Contains("PIN shown by the agent", script, StringComparison.Ordinal);
        Assert.Contains("/pin-preview", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "csv", "Give the integration a name")]
    [InlineData("ACD", "ftp", "Unknown integration type 'ftp'")]
    public async Task Creating_an_integration_with_bad_input_says_what_to_fix(string name, string type, string message)
    {
        await using var cloud = await CloudServer.StartAsync();

        var response = await cloud.Http.PostAsJsonAsync(PeopleRoutes.Integrations, new CreateIntegrationRequest { Name = name, Type = type }, ProtocolJson.Default.CreateIntegrationRequest);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse);
        Assert.Equal(ErrorCodes.BadRequest, error!.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_integration_is_hidden_from_the_list_but_still_readable_with_its_data()
    {
        await using var cloud = await CloudServer.StartAsync();
        var kept = await cloud.People.CreateIntegrationAsync("kept");
        var deleted = await cloud.People.CreateIntegrationAsync("deleted");

        await cloud.People.DeleteIntegrationAsync(deleted.Id);

        var live = await cloud.Http.GetFromJsonAsync(PeopleRoutes.Integrations, ProtocolJson.Default.ListIntegrationInfo);
        Assert.Equal([kept.Id], live!.Select(integration => integration.Id));
        var all = await cloud.Http.GetFromJsonAsync(PeopleRoutes.Integrations + "?includeDeleted=true", ProtocolJson.Default.ListIntegrationInfo);
        Assert.NotNull(Assert.Single(all!, integration => integration.Id == deleted.Id).DeletedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.Http.DeleteAsync($"{PeopleRoutes.Integrations}/{deleted.Id}")).StatusCode);
    }

    [Fact]
    public async Task Agent_calls_without_a_credential_are_refused_with_what_to_send()
    {
        await using var cloud = await CloudServer.StartAsync();

        var response = await cloud.Anonymous.GetAsync(AgentRoutes.Settings);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse);
        Assert.Equal(ErrorCodes.CredentialMissing, error!.Code);
        Assert.Contains("Authorization: Bearer", error.Message, StringComparison.Ordinal);
    }
}
