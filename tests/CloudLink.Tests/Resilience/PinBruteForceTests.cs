using System.Globalization;
using System.Net;
using CloudLink.Core.State;
using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Resilience;

/// <summary>
/// A PIN brute force with the default limits: 2,000 guesses spread over 40 integrations, the live PIN
/// of a waiting agent among them late; the limits must hold and no guess may link anything.
/// </summary>
public sealed class PinBruteForceTests(ITestOutputHelper output)
{
    [Fact]
    public Task Two_thousand_guesses_link_nothing_and_stop_at_the_limits() => RunAsync(() => CloudServer.StartAsync());

    [PostgreSqlFact]
    public Task Two_thousand_guesses_link_nothing_and_stop_at_the_limits_on_a_cloud_on_PostgreSQL() => RunAsync(CloudServer.StartOnPostgreSqlAsync);

    private async Task RunAsync(Func<Task<CloudServer>> startCloud)
    {
        await using var cloud = await startCloud();
        var target = await cloud.People.CreateIntegrationAsync("target");
        using var instance = new AgentInstance(cloud.BaseAddress);
        await using var agent = instance.StartInProcess();
        var pin = (await Eventually.GetAsync(() => Task.FromResult(new PinStore(instance.Paths).Load()), TimeSpan.FromSeconds(30), "the agent's PIN")).Pin;
        var integrations = new List<long> { target.Id };
        for (var i = 1; i < 40; i++)
        {
            integrations.Add((await cloud.People.CreateIntegrationAsync($"victim {i}")).Id);
        }

        var random = new Random(13);
        var answers = new Dictionary<HttpStatusCode, int>();
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            // Attempt 1000 is the right PIN on the right integration: too late, the limits hold by then.
            var guess = attempt == 1000 ? pin : random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            var integration = attempt == 1000 ? target.Id : integrations[attempt % integrations.Count];
            var status = (await cloud.People.ConnectAsync(integration, guess)).StatusCode;
            answers[status] = answers.GetValueOrDefault(status) + 1;
        }

        var successes = answers.Where(a => (int)a.Key < 300).Sum(a => a.Value);
        output.WriteLine($"PIN brute force ({cloud.Engine}): 2000 attempts, {successes} successes, {answers.GetValueOrDefault(HttpStatusCode.TooManyRequests)} refused by the limits, " +
            $"{2000 - successes - answers.GetValueOrDefault(HttpStatusCode.TooManyRequests)} refused as wrong");
        Assert.Equal(0, successes);
        Assert.True(2000 - answers.GetValueOrDefault(HttpStatusCode.TooManyRequests) <= 100, string.Join(", ", answers));
        Assert.False(new CredentialStore(instance.Paths).Load()?.Linked ?? false);
        Assert.Empty(await cloud.People.AgentsAsync(target.Id));
    }
}
