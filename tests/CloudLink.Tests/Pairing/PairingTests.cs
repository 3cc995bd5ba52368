using System.Net;
using System.Net.Http.Json;
using CloudLink.Core.State;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Pairing;

/// <summary>Pairing by PIN against the real reference cloud over HTTP, with the agent's real main loop.</summary>
public sealed class PairingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_agent_shows_a_pin_and_is_linked_when_a_person_enters_it()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD contacts");
        using var instance = new AgentInstance(cloud.BaseAddress);
        await using var agent = instance.StartInProcess();

        var pin = await Eventually.GetAsync(() => Task.FromResult(new PinStore(instance.Paths).Load()), Wait, "a PIN");
        Assert.Matches("^[0-9]{6}$", pin.Pin);
        Assert.InRange(pin.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));
        await Eventually.TrueAsync(() => instance.LogText().Contains($"Enter your pin: {pin.Pin} (expires in 5 minutes)", StringComparison.Ordinal), Wait, "the banner in the log");

        var preview = await (await cloud.People.PreviewAsync(integration.Id, pin.Pin)).Content.ReadFromJsonAsync(ProtocolJson.Default.PinPreview);
        Assert.Equal(Environment.MachineName, preview!.HostName);
        Assert.Equal("com.injixo.cloud-link", preview.InstanceName);

        var linked = await cloud.People.ConnectOkAsync(integration.Id, pin.Pin);
        await Eventually.TrueAsync(() => instance.Credentials() is { Linked: true }, Wait, "the link to be stored");
        var credentials = instance.Credentials()!;
        Assert.Equal(integration.Id, credentials.IntegrationId);
        Assert.Equal(linked.Id, credentials.AgentId);
        // The link is stored first, then the PIN file removed: wait for the second step, not only the first.
        await Eventually.TrueAsync(() => !File.Exists(instance.Paths.PinFile), Wait, "the PIN file removed once linked");

        // A PIN is used once.
        var again = await cloud.People.ConnectAsync(integration.Id, pin.Pin);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task A_wrong_pin_is_refused_with_the_attempts_left()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");

        var response = await cloud.People.ConnectAsync(integration.Id, "000000");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse);
        Assert.Equal(ErrorCodes.PinInvalid, error!.Code);
        Assert.Contains("Attempts left: 4", error.Message, StringComparison.Ordinal);
        Assert.Empty(await cloud.People.AgentsAsync(integration.Id));
    }

    [Fact]
    public async Task An_expired_pin_is_refused_and_the_agent_replaces_it_by_itself()
    {
        var clock = new ManualTimeProvider();
        await using var cloud = await CloudServer.StartAsync(clock);
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress);
        await using var agent = instance.StartInProcess();
        var pins = new PinStore(instance.Paths);
        var first = await Eventually.GetAsync(() => Task.FromResult(pins.Load()), Wait, "a first PIN");

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var refused = await cloud.People.ConnectAsync(integration.Id, first.Pin);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var second = await Eventually.GetAsync(
            () => Task.FromResult(pins.Load() is { } current && current.Pin != first.Pin ? current : null), Wait, "a replacement PIN");
        Assert.True(second.ExpiresAt > clock.GetUtcNow() + TimeSpan.FromMinutes(4));
        await cloud.People.ConnectOkAsync(integration.Id, second.Pin);
        await Eventually.TrueAsync(() => instance.Credentials() is { Linked: true }, Wait, "the link with the replacement PIN");
    }

    [Fact]
    public async Task After_five_wrong_pins_the_sixth_attempt_is_refused_even_with_the_right_pin()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress);
        await using var agent = instance.StartInProcess();
        var pin = await Eventually.GetAsync(() => Task.FromResult(new PinStore(instance.Paths).Load()), Wait, "a PIN");
        var wrong = pin.Pin == "111111" ? "222222" : "111111";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await cloud.People.ConnectAsync(integration.Id, wrong)).StatusCode);
        }

        var sixth = await cloud.People.ConnectAsync(integration.Id, pin.Pin);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(ErrorCodes.TooManyAttempts, (await sixth.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse))!.Code);
        Assert.Empty(await cloud.People.AgentsAsync(integration.Id));
    }

    [Fact]
    public async Task The_account_limit_stops_guessing_spread_over_many_integrations()
    {
        await using var cloud = await CloudServer.StartAsync(null, "--Cloud:WrongPinLimitPerAccount=8");
        var refusedWith429 = 0;
        for (var i = 0; i < 4; i++)
        {
            var integration = await cloud.People.CreateIntegrationAsync($"target {i}");
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var response = await cloud.People.ConnectAsync(integration.Id, "123456");
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    refusedWith429++;
                }
            }
        }

        // 12 attempts, 3 per integration (below the per-integration limit): the 9th and later are refused for the account.
        Assert.Equal(4, refusedWith429);
    }

    [Fact]
    public async Task A_revoked_agent_returns_to_pin_mode_by_itself()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("CSV");
        using var instance = new AgentInstance(cloud.BaseAddress);
        await using var agent = instance.StartInProcess();
        var agentId = await instance.PairAsync(cloud, integration.Id);
        var oldSecret = instance.Credentials()!.Secret;

        await cloud.People.RevokeAgentAsync(agentId);

        var pin = await Eventually.GetAsync(() => Task.FromResult(new PinStore(instance.Paths).Load()), Wait, "a new PIN after revocation");
        var credentials = instance.Credentials()!;
        Assert.False(credentials.Linked);
        Assert.NotEqual(oldSecret, credentials.Secret);
        await cloud.People.ConnectOkAsync(integration.Id, pin.Pin);
        await Eventually.TrueAsync(() => instance.Credentials() is { Linked: true }, Wait, "the agent to link again");
    }

    [Fact]
    public async Task Deleting_the_integration_keeps_its_data_and_sends_the_agent_back_to_pin_mode()
    {
        await using var linked = await LinkedAgent.StartAsync();
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);
        instance.Drop("day1.csv", "queue;offered\nq1;10\n");
        await linked.ReceivedAtLeastAsync(1);

        await cloud.People.DeleteIntegrationAsync(integration.Id);

        await Eventually.GetAsync(() => Task.FromResult(new PinStore(instance.Paths).Load()), Wait, "a new PIN after deletion");
        Assert.Single(await cloud.People.ReceivedAsync(integration.Id));
    }

    [Fact]
    public async Task The_credentials_file_is_private_and_the_secret_never_reaches_the_log()
    {
        await using var linked = await LinkedAgent.StartAsync();
        var instance = linked.Instance;
        instance.Drop("a.csv", "x;y\n1;2\n");
        await linked.ReceivedAtLeastAsync(1);
        await Eventually.TrueAsync(() => File.Exists(instance.Paths.LedgerFile), Wait, "the ledger record after the acknowledgement");

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(instance.Paths.CredentialsFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(instance.Paths.StateFolder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(instance.Paths.LedgerFile));
        }

        var secret = instance.Credentials()!.Secret;
        var log = instance.LogText();
        Assert.Contains("Linked to integration", log, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..16], log, StringComparison.Ordinal);
    }
}
