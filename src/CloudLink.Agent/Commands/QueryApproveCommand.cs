using CloudLink.Agent.Cli;
using CloudLink.Core.Control;
using CloudLink.Core.State;

namespace CloudLink.Agent.Commands;

/// <summary>
/// 'query approve [--sha256 HASH] [--yes]': shows the integration's query waiting for approval
/// (queryApproval = "local") with its SHA-256, asks, and records the approval of exactly that
/// text. The running agent records it (it is the state's one writer); without one, this command
/// does, holding the state lock.
/// </summary>
internal static class QueryApproveCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly("--sha256", "--yes");
        var (paths, config) = InstanceLoader.LoadAsOwner(invocation);
        var store = new QueryStore(paths);
        var current = store.Current();
        if (current is null)
        {
            Console.WriteLine("This instance has not received a database query yet: the agent records the integration's query when it first reads its settings.");
            return ExitCodes.Ok;
        }

        if (invocation.Options.TryGetValue("--sha256", out var given) && !string.Equals(given, current.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"The query the integration asks for now has SHA-256 {current.Sha256}, not {given}: it changed since you looked. Nothing was approved.");
            return ExitCodes.Usage;
        }

        Console.WriteLine($"The integration's query, received {current.SeenAt:yyyy-MM-dd HH:mm:ss zzz}, SHA-256 {current.Sha256}:");
        Console.WriteLine();
        Console.WriteLine(current.Query);
        Console.WriteLine();
        if (store.IsApproved(current.Sha256))
        {
            Console.WriteLine("This query is approved already.");
            return ExitCodes.Ok;
        }

        if (!config.Database.ApprovesLocally)
        {
            Console.WriteLine("Note: database.queryApproval is \"cloud\" here, so queries run without approval; the approval is recorded for when it is \"local\".");
        }

        if (!invocation.Flags.Contains("--yes"))
        {
            Console.Write("It runs with this server's database credentials. Approve exactly this query? Type yes: ");
            if (!string.Equals(Console.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
            {
                Console.WriteLine("Not approved.");
                return ExitCodes.Failure;
            }
        }

        var approvedBy = Environment.UserName;
        var live = await ControlChannel.AskAsync(paths, new ControlRequest { Command = "approve", Sha256 = current.Sha256, ApprovedBy = approvedBy }, TimeSpan.FromSeconds(30));
        if (live is null)
        {
            using var writer = StateLock.Acquire(paths);
            store.Approve(current.Sha256, approvedBy, DateTimeOffset.UtcNow);
        }

        Console.WriteLine($"Approved SHA-256 {current.Sha256}. The agent runs this query from its next pass; a changed query waits for approval again.");
        return ExitCodes.Ok;
    }
}
