using System.Globalization;
using CloudLink.Agent.Cli;
using CloudLink.Core.Control;
using CloudLink.Core.Database;

namespace CloudLink.Agent.Commands;

/// <summary>'import [--from T --to T]': wakes the running agent so it imports now, or reads a period of database windows again.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly("--from", "--to");
        var (paths, _) = InstanceLoader.LoadAsOwner(invocation);
        var request = new ControlRequest { Command = "import" };
        if (invocation.Options.ContainsKey("--from") || invocation.Options.ContainsKey("--to"))
        {
            request.From = Time(invocation, "--from");
            request.To = Time(invocation, "--to");
            if (request.From >= request.To)
            {
                throw new UsageException("--from must be before --to.");
            }
        }

        var live = await ControlChannel.AskAsync(paths, request, TimeSpan.FromSeconds(10));
        if (live is null)
        {
            if (request.From is { } from && request.To is { } to)
            {
                new RereadRequests(paths).Add(from, to);
                Console.Error.WriteLine($"The agent is not running; the windows from {from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} are read again when it starts.");
            }
            else
            {
                Console.Error.WriteLine("The agent is not running. Start it ('sudo injixo-cloud-link service start', or 'injixo-cloud-link run'); it imports as soon as it starts.");
            }

            return ExitCodes.ServiceNotRunning;
        }

        Console.WriteLine(live.Message);
        return ExitCodes.Ok;
    }

    private static DateTime Time(Invocation invocation, string option) =>
        invocation.Options.TryGetValue(option, out var text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : throw new UsageException($"{option} takes a time in the database's time zone, e.g. 2026-11-20T00:00 (give both --from and --to).");
}
