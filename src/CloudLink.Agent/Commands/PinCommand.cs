using CloudLink.Agent.Cli;
using CloudLink.Core.Agent;
using CloudLink.Core.Control;
using CloudLink.Core.Logging;
using CloudLink.Core.Pairing;
using CloudLink.Core.State;

namespace CloudLink.Agent.Commands;

internal static class PinCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly("--new");
        var (paths, config) = InstanceLoader.Load(invocation);
        using var log = AgentLog.Configure(paths, config.LogLevel).CreateLogger();
        using var host = new AgentHost(paths, config, log, showBanner: _ => { });
        var fresh = invocation.Flags.Contains("--new");

        // The running agent answers for itself; without one, the files and the cloud do.
        var live = await ControlChannel.AskAsync(paths, new ControlRequest { Command = "pin", New = fresh }, TimeSpan.FromSeconds(60));
        var pin = live is not null
            ? (live.Pin is null ? null : new PinRecord { Pin = live.Pin, ExpiresAt = live.PinExpiresAt!.Value })
            : await host.Pairing.CurrentPinAsync(fresh, CancellationToken.None);
        if (pin is null)
        {
            var credentials = host.Credentials.Load()!;
            Console.WriteLine($"This instance is linked to integration {live?.IntegrationId ?? credentials.IntegrationId} ({live?.IntegrationName ?? credentials.IntegrationName}); no PIN is needed.");
            Console.WriteLine("To link it elsewhere, delete that integration or revoke this agent in the cloud: the agent then shows a new PIN.");
            return ExitCodes.Ok;
        }

        var banner = PinBanner.Format(pin.Pin, config.CloudUrl, pin.ExpiresAt - host.Time.GetUtcNow(), host.Language);
        Console.WriteLine(banner);
        log.Information("PIN shown on request; it expires at {ExpiresAt:u}.{NewLine}{Banner}", pin.ExpiresAt, Environment.NewLine, banner);
        return ExitCodes.Ok;
    }
}
