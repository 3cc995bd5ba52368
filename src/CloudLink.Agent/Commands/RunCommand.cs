using System.Runtime.InteropServices;
using CloudLink.Agent.Cli;
using CloudLink.Core.Agent;
using CloudLink.Core.Cloud;
using CloudLink.Core.Control;
using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.Core.Service;
using CloudLink.Core.State;
using Serilog;

namespace CloudLink.Agent.Commands;

internal static class RunCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly("--service");
        var (paths, config) = InstanceLoader.LoadAsOwner(invocation);
        var findings = InstanceFileSafety.Check(paths);
        foreach (var finding in findings)
        {
            Console.Error.WriteLine((finding.Fatal ? "Refused: " : "Warning: ") + finding);
        }

        if (findings.Any(finding => finding.Fatal))
        {
            Console.Error.WriteLine("The agent does not start while anyone but root or its own user can change what it runs on; 'injixo-cloud-link check' lists it all.");
            return ExitCodes.UnsafeFiles;
        }

        // Started by the Windows Service Control Manager (the service's command line ends in --service).
        // The whole agent runs inside the service, so everything is closed before it reports STOPPED:
        // the installer removes the program's files as soon as it sees STOPPED.
        if (invocation.Flags.Contains("--service") && OperatingSystem.IsWindows() && Core.Service.Windows.WindowsServiceHost.Run(serviceStop => RunAgentAsync(paths, config, serviceStop)))
        {
            return ExitCodes.Ok;
        }

        await RunAgentAsync(paths, config, CancellationToken.None);
        return ExitCodes.Ok;
    }

    private static async Task RunAgentAsync(InstancePaths paths, Core.Config.AgentConfig config, CancellationToken serviceStop)
    {
        // The one writer of this instance's state: before anything else, the control socket included.
        using var writer = StateLock.Acquire(paths);
        using var log = AgentLog.Configure(paths, config.LogLevel, rotate: true)
            .WriteTo.Console(outputTemplate: AgentLog.Template, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var host = new AgentHost(paths, config, log, showBanner: _ => { });
        using var runner = new AgentRunner(host);
        var startedAt = DateTimeOffset.UtcNow;
        await using var control = ControlChannel.Open(paths, (request, cancellationToken) => Answer(host, runner, startedAt, request, cancellationToken), log);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, serviceStop);
        try
        {
            SdNotify.Ready();
            await runner.RunAsync(either.Token);
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
            log.Information("Stopped.");
        }

        static async Task<ControlResponse> Answer(AgentHost host, AgentRunner runner, DateTimeOffset startedAt, ControlRequest request, CancellationToken cancellationToken)
        {
            var response = new ControlResponse { Ok = true, ProcessId = Environment.ProcessId, StartedAt = startedAt };
            switch (request.Command)
            {
                case "status":
                    response.Message = "running";
                    break;
                case "import" when request.From is { } from && request.To is { } to:
                    new Core.Database.RereadRequests(host.Paths).Add(from, to);
                    runner.WakeUp();
                    response.Message = $"The running agent reads the database windows from {from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} again; see its log.";
                    break;
                case "approve" when request.Sha256 is { Length: 64 } sha256:
                    new QueryStore(host.Paths).Approve(sha256.ToLowerInvariant(), request.ApprovedBy ?? "", host.Time.GetUtcNow());
                    host.Log.Information("The query with SHA-256 {Sha256} was approved by {User}.", sha256, request.ApprovedBy);
                    runner.WakeUp();
                    response.Message = "approved";
                    break;
                case "import":
                    runner.WakeUp();
                    response.Message = "The running agent imports now; see its log for what it sends.";
                    break;
                case "pin":
                    try
                    {
                        var pin = await host.Pairing.CurrentPinAsync(request.New, cancellationToken);
                        var credentials = pin is null ? host.Credentials.Load() : null;
                        (response.Pin, response.PinExpiresAt) = (pin?.Pin, pin?.ExpiresAt);
                        (response.IntegrationId, response.IntegrationName) = (credentials?.IntegrationId, credentials?.IntegrationName);
                    }
                    catch (Exception e) when (e is CloudUnreachableException or CloudException)
                    {
                        (response.Ok, response.CloudProblem, response.Message) = (false, e.Message, e.Message);
                    }

                    break;
                default:
                    return new ControlResponse { Message = $"Unknown command '{request.Command}'; use status, pin, import or approve." };
            }

            return response;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            SdNotify.Stopping();
            stop.Cancel();
        }
    }
}
