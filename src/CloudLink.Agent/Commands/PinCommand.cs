using CloudLink.Agent.Cli;
using CloudLink.Core.Agent;
using CloudLink.Core.Cloud;
using CloudLink.Core.Config;
using CloudLink.Core.Control;
using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.Core.Pairing;
using CloudLink.Core.State;

namespace CloudLink.Agent.Commands;

/// <summary>
/// 'pin [--new] [--json]': the running agent answers for itself. Without one, this command takes
/// the state's lock and asks the cloud. While an agent holds the lock but does not answer (it is
/// starting, or has no channel), its files answer, or this waits for it: it never requests a PIN
/// beside a running agent, which would replace the agent's.
/// </summary>
internal static class PinCommand
{
    private static readonly TimeSpan AgentAnswerTime = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly("--new", "--json", "--wait");
        if (invocation.Flags.Contains("--wait") && invocation.Flags.Contains("--json"))
        {
            throw new UsageException("pin: --wait shows banners as they change; it cannot be combined with --json.");
        }

        var (paths, config) = InstanceLoader.LoadAsOwner(invocation);
        using var log = AgentLog.Configure(paths, config.LogLevel).CreateLogger();
        using var host = new AgentHost(paths, config, log, showBanner: _ => { });
        if (invocation.Flags.Contains("--wait"))
        {
            await WaitUntilLinkedAsync(paths, config, host);
            return ExitCodes.Ok;
        }

        var info = await CurrentAsync(paths, config, host, invocation.Flags.Contains("--new"));
        if (invocation.Flags.Contains("--json"))
        {
            Console.WriteLine(info.ToJson());
        }
        else if (info.Linked)
        {
            Console.WriteLine($"This instance is linked to integration {info.IntegrationId} ({info.IntegrationName}); no PIN is needed.");
            Console.WriteLine("To link it elsewhere, delete that integration or revoke this agent in the cloud: the agent then shows a new PIN.");
        }
        else
        {
            Console.WriteLine(info.Banner);
            log.Information("PIN shown on request; it expires at {ExpiresAt:u}.{NewLine}{Banner}", info.ExpiresAt, Environment.NewLine, info.Banner);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The window at the end of an interactive Windows install: the running service's PIN, again
    /// whenever it is renewed, until someone enters it in the cloud. Problems (the service cannot
    /// reach the cloud yet) are shown once each and the wait goes on; the window stays until Enter.
    /// </summary>
    private static async Task WaitUntilLinkedAsync(InstancePaths paths, AgentConfig config, AgentHost host)
    {
        string? shown = null;
        while (true)
        {
            try
            {
                var info = await CurrentAsync(paths, config, host, fresh: false);
                if (info.Linked)
                {
                    Console.WriteLine($"This instance is now linked to integration {info.IntegrationId} ({info.IntegrationName}). Data uploads have started.");
                    break;
                }

                if (info.Pin != shown)
                {
                    Console.WriteLine(info.Banner);
                    Console.WriteLine("Waiting for the PIN to be entered on the integration's page; a new PIN is shown here when this one expires.");
                    shown = info.Pin;
                }
            }
            catch (Exception problem) when (problem is StateException or CloudUnreachableException)
            {
                if (problem.Message != shown)
                {
                    Console.WriteLine(problem.Message);
                    Console.WriteLine("Still waiting; fix the cause and the PIN appears here.");
                    shown = problem.Message;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        if (!Console.IsInputRedirected)
        {
            Console.WriteLine("Press Enter to close this window.");
            Console.ReadLine();
        }
    }

    private static async Task<PinInfo> CurrentAsync(InstancePaths paths, AgentConfig config, AgentHost host, bool fresh)
    {
        var request = new ControlRequest { Command = "pin", New = fresh };
        var deadline = DateTime.UtcNow + AgentAnswerTime;
        while (true)
        {
            if (await ControlChannel.AskAsync(paths, request, AgentAnswerTime) is { } live)
            {
                if (!live.Ok)
                {
                    throw live.CloudProblem is { } problem
                        ? new CloudUnreachableException(problem)
                        : new StateException(paths.StateFolder, live.Message);
                }

                return live.Pin is null
                    ? Describe(config, paths, host, null, live.IntegrationId, live.IntegrationName)
                    : Describe(config, paths, host, new PinRecord { Pin = live.Pin, ExpiresAt = live.PinExpiresAt!.Value });
            }

            using (var held = StateLock.TryAcquire(paths))
            {
                if (held is not null)
                {
                    return Describe(config, paths, host, await host.Pairing.CurrentPinAsync(fresh, CancellationToken.None));
                }
            }

            if (!fresh && FromAgentFiles(paths, config, host) is { } filed)
            {
                return filed;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StateException(paths.StateFolder,
                    $"is held by a running agent ({StateLock.Holder(paths)}) that does not answer on its control channel {ControlChannel.SocketPath(paths)} " +
                    $"and has written no PIN yet; it may not reach the cloud at {config.CloudUrl}. Its log ({paths.LogFile}) says why, and shows its PIN. " +
                    "Restart it ('injixo-cloud-link service restart') if it does not recover.");
            }

            // The agent is starting: its channel opens in a moment.
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>
    /// A running agent that cannot be asked (no Unix sockets under Wine or older Windows, or a channel
    /// it could not open) is answered for by what it wrote: its link, or the PIN it shows while that
    /// is valid. Read only; null until it has written either.
    /// </summary>
    private static PinInfo? FromAgentFiles(InstancePaths paths, AgentConfig config, AgentHost host)
    {
        if (host.Credentials.Read() is { Linked: true })
        {
            return Describe(config, paths, host, null);
        }

        return host.Pins.Load() is { } pin && pin.ExpiresAt - host.Time.GetUtcNow() > PairingService.ExpiryMargin
            ? Describe(config, paths, host, pin)
            : null;
    }

    private static PinInfo Describe(AgentConfig config, InstancePaths paths, AgentHost host, PinRecord? pin, long? integrationId = null, string? integrationName = null)
    {
        var info = new PinInfo { Instance = config.Name, Folder = paths.Folder, Linked = pin is null };
        if (pin is null)
        {
            var credentials = host.Credentials.Read();
            info.IntegrationId = integrationId ?? credentials?.IntegrationId;
            info.IntegrationName = integrationName ?? credentials?.IntegrationName;
        }
        else
        {
            info.Pin = pin.Pin;
            info.ExpiresAt = pin.ExpiresAt;
            info.Banner = PinBanner.Format(pin.Pin, config.CloudUrl, pin.ExpiresAt - host.Time.GetUtcNow(), host.Language);
        }

        return info;
    }
}
