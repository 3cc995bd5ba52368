using System.Runtime.InteropServices;
using CloudLink.Agent.Cli;
using CloudLink.Core.Agent;
using CloudLink.Core.Logging;
using CloudLink.Core.Service;
using Serilog;

namespace CloudLink.Agent.Commands;

internal static class RunCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly();
        var (paths, config) = InstanceLoader.Load(invocation);
        using var log = AgentLog.Configure(paths, config.LogLevel, rotate: true)
            .WriteTo.Console(outputTemplate: AgentLog.Template, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var host = new AgentHost(paths, config, log, showBanner: _ => { });
        try
        {
            SdNotify.Ready();
            await new AgentRunner(host).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.Information("Stopped.");
        }

        return ExitCodes.Ok;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            SdNotify.Stopping();
            stop.Cancel();
        }
    }
}
