using System.Net;
using System.Net.Http.Json;
using CloudLink.Cloud.Pairing;
using CloudLink.Protocol;
using CloudLink.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CloudLink.Tests.Cloud;

/// <summary>Limits that stop guessing and flooding and cannot be turned against another account.</summary>
public sealed class AbuseLimitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Account_B_wrong_PINs_however_many_leave_account_A_correct_PIN_working()
    {
        await using var cloud = await CloudServer.StartAsync();
        var b = cloud.CreateAccount("Guesser");
        using var fromB = SourceBoundClient.Create(cloud.BaseAddress, "127.0.0.2", b.Token);
        var refused = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 40; i++)
        {
            var target = await new PeopleApi(fromB).CreateIntegrationAsync($"target {i}");
            for (var guess = 0; guess < 10; guess++)
            {
                var status = (await new PeopleApi(fromB).ConnectAsync(target.Id, $"{100000 + (i * 10) + guess}")).StatusCode;
                refused[status] = refused.GetValueOrDefault(status) + 1;
            }
        }

        using var victim = new WireAgent(cloud.BaseAddress);
        var pin = (await victim.RequestPinAsync()).Pin!;
        var a = cloud.Account;
        var integration = await a.People.CreateIntegrationAsync("ACD");
        using var fromA = SourceBoundClient.Create(cloud.BaseAddress, "127.0.0.3", a.Token);
        var linked = await new PeopleApi(fromA).ConnectOkAsync(integration.Id, pin);

        Assert.Equal(integration.Id, linked.IntegrationId);
        Assert.Equal(400, refused.Values.Sum());
        Assert.True(refused.GetValueOrDefault(HttpStatusCode.TooManyRequests) >= 380, string.Join(", ", refused));
        Assert.Equal(0, refused.GetValueOrDefault(HttpStatusCode.OK));
        output.WriteLine($"account B's 400 guesses: {string.Join(", ", refused.Select(pair => $"{(int)pair.Key}: {pair.Value}"))}; account A's correct PIN then linked its agent");
    }

    [Fact]
    public async Task A_pairing_flood_from_one_address_is_held_at_its_limit_while_another_address_still_pairs()
    {
        await using var cloud = await CloudServer.StartAsync(null, "--Cloud:PairingRequestsPerAddress=25");
        var answers = await FloodAsync(cloud, 500, "127.0.0.1");

        Assert.Equal(25, answers.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(475, answers.GetValueOrDefault(HttpStatusCode.TooManyRequests));
        var elsewhere = await FloodAsync(cloud, 1, "127.0.0.5");
        Assert.Equal(1, elsewhere.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(26, cloud.Services.GetRequiredService<PairingStore>().Count().Live);
    }

    [Fact]
    public async Task Live_PINs_stay_capped_far_below_the_PIN_space()
    {
        await using var cloud = await CloudServer.StartAsync(null, "--Cloud:MaxLivePins=40", "--Cloud:PairingRequestsPerAddress=100000");
        var answers = await FloodAsync(cloud, 200, "127.0.0.1");

        Assert.Equal(40, answers.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(160, answers.GetValueOrDefault(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(40, cloud.Services.GetRequiredService<PairingStore>().Count().Live);
        output.WriteLine($"200 PIN requests with the cap at 40: {string.Join(", ", answers.Select(pair => $"{(int)pair.Key}: {pair.Value}"))}");
    }

    [Fact]
    public async Task Expired_pairings_are_deleted()
    {
        var time = new ManualTimeProvider();
        await using var cloud = await CloudServer.StartAsync(time);
        await FloodAsync(cloud, 10, "127.0.0.1");
        var pairings = cloud.Services.GetRequiredService<PairingStore>();
        Assert.Equal((10L, 10L), pairings.Count());

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal((0L, 10L), pairings.Count());
        time.Advance(TimeSpan.FromMinutes(5));
        await FloodAsync(cloud, 1, "127.0.0.1");

        Assert.Equal((1L, 1L), pairings.Count());
    }

    /// <summary>PIN requests from <paramref name="count"/> new agents (each with its own secret) from one source address, counted by answer.</summary>
    private static async Task<Dictionary<HttpStatusCode, int>> FloodAsync(CloudServer cloud, int count, string source)
    {
        using var client = SourceBoundClient.Create(cloud.BaseAddress, source);
        var answers = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < count; i++)
        {
            using var agent = new WireAgent(cloud.BaseAddress);
            using var request = new HttpRequestMessage(HttpMethod.Post, AgentRoutes.Pairing)
            {
                Content = JsonContent.Create(new PairingRequest { HostName = $"host-{i}", InstanceName = "com.injixo.cloud-link", AgentVersion = "0.1.0" }, ProtocolJson.Default.PairingRequest),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", agent.Secret);
            using var response = await client.SendAsync(request);
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
        }

        return answers;
    }
}
