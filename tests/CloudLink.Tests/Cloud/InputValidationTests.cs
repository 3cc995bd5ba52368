using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Cloud;

/// <summary>Every class of bad input, on both sides of the cloud, answers 400 with the field named; none is stored and none gives 500.</summary>
public sealed class InputValidationTests
{
    public static TheoryData<string, string, string> AgentSide => new()
    {
        // case, JSON body of a PIN request, the field the answer must name
        { "instanceName null", """{"hostName":"acd","instanceName":null,"agentVersion":"0.1.0"}""", "instanceName is required" },
        { "hostName missing", """{"instanceName":"com.injixo.cloud-link","agentVersion":"0.1.0"}""", "hostName is required" },
        { "hostName with a line break", """{"hostName":"acd\nFAKE LOG LINE","instanceName":"x","agentVersion":"0.1.0"}""", "hostName must not contain control characters" },
        { "instanceName with NUL", """{"hostName":"acd","instanceName":"a\u0000b","agentVersion":"0.1.0"}""", "instanceName must not contain control characters" },
        { "hostName with a right-to-left override", """{"hostName":"acd\u202Etxt.exe","instanceName":"x","agentVersion":"0.1.0"}""", "hostName must not contain control characters" },
        { "agentVersion of 1 MB", "{\"hostName\":\"acd\",\"instanceName\":\"x\",\"agentVersion\":\"" + new string('9', 1 << 20) + "\"}", "agentVersion is at most 64 characters" },
        { "hostName of 256 characters", "{\"hostName\":\"" + new string('h', 256) + "\",\"instanceName\":\"x\",\"agentVersion\":\"0.1.0\"}", "hostName is at most 255 characters" },
        { "not JSON", "{\"hostName\": ", "request body as JSON" },
        { "a number for a name", """{"hostName":42,"instanceName":"x","agentVersion":"0.1.0"}""", "$.hostName" },
    };

    [Theory]
    [MemberData(nameof(AgentSide))]
    public async Task A_bad_PIN_request_is_refused_naming_the_field(string @case, string body, string field)
    {
        await using var cloud = await CloudServer.StartAsync();
        using var agent = new WireAgent(cloud.BaseAddress);

        using var response = await SendAsync(cloud.Anonymous, HttpMethod.Post, AgentRoutes.Pairing, agent.Secret, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertBadRequestAsync(response, field, @case);
        Assert.Equal((0L, 0L), cloud.Services.GetService(typeof(CloudLink.Cloud.Pairing.PairingStore)) is CloudLink.Cloud.Pairing.PairingStore store ? store.Count() : (-1L, -1L));
    }

    [Theory]
    [InlineData("a name with a carriage return", "x\r.csv", "name must not contain control characters")]
    [InlineData("a name with a line feed", "x\n2026-01-01 INFO forged.csv", "name must not contain control characters")]
    [InlineData("a name with NUL", "x\0.csv", "name must not contain control characters")]
    [InlineData("no name", "", "name is required")]
    public async Task A_file_with_a_bad_name_is_refused_naming_the_field(string @case, string name, string field)
    {
        await using var cloud = await CloudServer.StartAsync();
        using var agent = new WireAgent(cloud.BaseAddress);
        await agent.PairAsync(cloud.Account, (await cloud.People.CreateIntegrationAsync("CSV")).Id);
        var content = "a;b\r\n"u8.ToArray();
        var path = $"{AgentRoutes.Files}?{AgentRoutes.FileNameParameter}={Uri.EscapeDataString(name)}&{AgentRoutes.Sha256Parameter}={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}";

        using var response = await SendAsync(cloud.Anonymous, HttpMethod.Post, path, agent.Secret, new ByteArrayContent(content));

        await AssertBadRequestAsync(response, field, @case);
        Assert.Empty(await cloud.People.ReceivedAsync());
    }

    [Theory]
    [InlineData("a body that is not gzip", "2026-03-29T01:00", "2026-03-29T01:15", "1", false, "not complete gzip")]
    [InlineData("a truncated gzip body", "2026-03-29T01:00", "2026-03-29T01:15", "1", true, "not complete gzip")]
    [InlineData("from that is not a timestamp", "yesterday", "2026-03-29T01:15", "1", null, "from and to must be the window's bounds")]
    [InlineData("to before from", "2026-03-29T01:15", "2026-03-29T01:00", "1", null, "from must be before to")]
    [InlineData("a negative row count", "2026-03-29T01:00", "2026-03-29T01:15", "-1", null, "rows must be")]
    public async Task A_bad_window_is_refused_naming_the_field(string @case, string from, string to, string rows, bool? truncatedGzip, string field)
    {
        await using var cloud = await CloudServer.StartAsync();
        using var agent = new WireAgent(cloud.BaseAddress);
        var integration = await cloud.People.CreateIntegrationAsync("DB", IntegrationTypes.Database);
        await agent.PairAsync(cloud.Account, integration.Id);
        var gzip = WireAgent.Gzip("queueidentifier\r\n1\r\n");
        var body = truncatedGzip switch
        {
            false => "queueidentifier\r\n1\r\n"u8.ToArray(),
            true => gzip[..(gzip.Length - 6)],
            null => gzip,
        };
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        var path = $"{AgentRoutes.Windows}?{AgentRoutes.WindowKeyParameter}=interval:x&{AgentRoutes.WindowFromParameter}={from}&{AgentRoutes.WindowToParameter}={to}" +
                   $"&{AgentRoutes.WindowRowsParameter}={rows}&{AgentRoutes.Sha256Parameter}={sha}";

        using var response = await SendAsync(cloud.Anonymous, HttpMethod.Post, path, agent.Secret, new ByteArrayContent(body));

        await AssertBadRequestAsync(response, field, @case);
        Assert.Empty(await cloud.People.WindowsAsync(integration.Id, latest: false));
    }

    public static TheoryData<string, string, string, string> PeopleSide => new()
    {
        // case, path (under an integration {id} where it has one), JSON body, the field the answer must name
        { "an integration name with a line break", PeopleRoutes.Integrations, """{"name":"ACD\nadmin","type":"csv"}""", "name must not contain control characters" },
        { "an integration name of 201 characters", PeopleRoutes.Integrations, "{\"name\":\"" + new string('n', 201) + "\",\"type\":\"csv\"}", "name is at most 200 characters" },
        { "no integration name", PeopleRoutes.Integrations, """{"name":null,"type":"csv"}""", "name is required" },
        { "an unknown type", PeopleRoutes.Integrations, """{"name":"ACD","type":"ftp"}""", "type: Unknown integration type" },
        { "a time zone of null", "{id}/database", """{"dataType":"interval","query":"SELECT 1","timeZone":null,"intervalMinutes":15}""", "timeZone is required" },
        { "an interval of 7 minutes", "{id}/database", """{"dataType":"interval","query":"SELECT 1","timeZone":"UTC","intervalMinutes":7}""", "intervalMinutes must be 15, 30 or 60" },
        { "an unknown time zone", "{id}/database", """{"dataType":"interval","query":"SELECT 1","timeZone":"Mars/Olympus","intervalMinutes":15}""", "timeZone 'Mars/Olympus' is not known" },
        { "a query of 100,001 characters", "{id}/database", "{\"dataType\":\"interval\",\"query\":\"" + new string('q', 100_001) + "\",\"timeZone\":\"UTC\",\"intervalMinutes\":15}", "query is at most" },
        { "a PIN that is a number", "{id}/pin-preview", """{"pin":123456}""", "$.pin" },
        { "a token name with a tab", PeopleRoutes.Tokens, "{\"name\":\"ci\\tjob\"}", "name must not contain control characters" },
    };

    [Theory]
    [MemberData(nameof(PeopleSide))]
    public async Task Bad_people_side_input_is_refused_naming_the_field(string @case, string path, string body, string field)
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD", IntegrationTypes.Database);
        var target = path.StartsWith("{id}", StringComparison.Ordinal) ? $"{PeopleRoutes.Integrations}/{integration.Id}/{path[5..]}" : path;
        var method = path.EndsWith("/database", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post;

        using var response = await cloud.Http.SendAsync(new HttpRequestMessage(method, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        await AssertBadRequestAsync(response, field, @case);
        Assert.Equal([integration.Id], (await cloud.Http.GetFromJsonAsync(PeopleRoutes.Integrations, ProtocolJson.Default.ListIntegrationInfo))!.Select(i => i.Id));
        Assert.Null((await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}", ProtocolJson.Default.IntegrationInfo))!.Database);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string secret, HttpContent content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client.SendAsync(request);
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string field, string @case)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{@case}: {(int)response.StatusCode} {text}");
        var error = System.Text.Json.JsonSerializer.Deserialize(text, ProtocolJson.Default.ErrorResponse)!;
        Assert.Equal(ErrorCodes.BadRequest, error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
