using CloudLink.Agent.Cli;
using CloudLink.Core.Control;

namespace CloudLink.Agent.Commands;

/// <summary>'import': wakes the running agent so it imports now.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly();
        var (paths, _) = InstanceLoader.Load(invocation);
        var live = await ControlChannel.AskAsync(paths, new ControlRequest { Command = "import" }, TimeSpan.FromSeconds(10));
        if (live is null)
        {
            Console.Error.WriteLine("The agent is not running. Start it ('sudo injixo-cloud-link service start', or 'injixo-cloud-link run'); it imports as soon as it starts.");
            return ExitCodes.ServiceNotRunning;
        }

        Console.WriteLine(live.Message);
        return ExitCodes.Ok;
    }
}
