using CloudLink.Agent.Cli;
using CloudLink.Core.Agent;
using CloudLink.Core.Logging;
using CloudLink.Core.Pairing;

namespace CloudLink.Agent.Commands;

internal static class PinCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly("--new");
        var (paths, config) = InstanceLoader.Load(invocation);
        using var log = AgentLog.Configure(paths, config.LogLevel).CreateLogger();
        using var host = new AgentHost(paths, config, log, showBanner: _ => { });
        var pin = await host.Pairing.CurrentPinAsync(invocation.Flags.Contains("--new"), CancellationToken.None);
        if (pin is null)
        {
            var credentials = host.Credentials.Load()!;
            Console.WriteLine($"This instance is linked to integration {credentials.IntegrationId} ({credentials.IntegrationName}); no PIN is needed.");
            Console.WriteLine("To link it elsewhere, delete that integration or revoke this agent in the cloud: the agent then shows a new PIN.");
            return ExitCodes.Ok;
        }

        var banner = PinBanner.Format(pin.Pin, config.CloudUrl, pin.ExpiresAt - host.Time.GetUtcNow(), host.Language);
        Console.WriteLine(banner);
        log.Information("PIN shown on request; it expires at {ExpiresAt:u}.{NewLine}{Banner}", pin.ExpiresAt, Environment.NewLine, banner);
        return ExitCodes.Ok;
    }
}
