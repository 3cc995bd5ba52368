using CloudLink.Agent.Cli;
using CloudLink.Core.Checks;

namespace CloudLink.Agent.Commands;

/// <summary>'check [--json]': every check of the instance, one line each with ok, warning, failed or skipped and the fix; exit 10 when one failed.</summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly("--json");
        var paths = InstanceLoader.PathsAsOwner(invocation);
        var results = await InstanceChecks.RunAsync(paths, CancellationToken.None);
        if (invocation.Flags.Contains("--json"))
        {
            Console.WriteLine(CheckResult.ToJson(results));
        }
        else
        {
            foreach (var result in results)
            {
                Console.WriteLine($"{Label(result.Status),-8} {result.Name,-14} {result.Detail}");
                if (result.Fix is not null && result.Status is CheckStatus.Failed or CheckStatus.Warning)
                {
                    Console.WriteLine($"{"",-8} {"",-14} Fix: {result.Fix}");
                }
            }
        }

        return results.Any(result => result.Status == CheckStatus.Failed) ? ExitCodes.CheckFailed : ExitCodes.Ok;
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warning => "warning",
        CheckStatus.Failed => "FAILED",
        _ => "skipped",
    };
}
