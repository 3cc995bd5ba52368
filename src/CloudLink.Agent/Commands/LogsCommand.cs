using System.Globalization;
using CloudLink.Agent.Cli;
using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.Core.Processes;

namespace CloudLink.Agent.Commands;

/// <summary>'logs purge [--older-than DAYS] [--keep N] [--dry-run]', 'logs schedule ...', 'logs unschedule'.</summary>
internal static class LogsCommand
{
    public static int Run(Invocation invocation)
    {
        var paths = InstanceLoader.Paths(invocation);
        var action = invocation.Words.Count == 2 ? invocation.Words[1] : "";
        var olderThan = invocation.Options.TryGetValue("--older-than", out var days) ? TimeSpan.FromDays(Number(days, "--older-than")) : (TimeSpan?)null;
        var keep = invocation.Options.TryGetValue("--keep", out var count) ? (int)Number(count, "--keep") : (int?)null;
        switch (action)
        {
            case "purge":
                invocation.AllowOnly("--older-than", "--keep", "--dry-run");
                var chosen = Choose(paths, olderThan, keep);
                if (invocation.Flags.Contains("--dry-run"))
                {
                    chosen.ToList().ForEach(log => Console.WriteLine($"would delete {log.Path}"));
                    Console.WriteLine($"{chosen.Count} rotated log(s) would be deleted; the current log is never touched.");
                    return ExitCodes.Ok;
                }

                var (deleted, failed) = LogPurge.Delete(chosen);
                deleted.ToList().ForEach(log => Console.WriteLine($"deleted {log.Path}"));
                failed.ToList().ForEach(f => Console.Error.WriteLine($"cannot delete {f.Log.Path}: {f.Error}"));
                Console.WriteLine($"{deleted.Count} rotated log(s) deleted ({deleted.Sum(l => l.Length) / 1024} KiB).");
                return failed.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
            case "schedule":
                invocation.AllowOnly("--older-than", "--keep");
                Checked(() => LogPurge.Validate(olderThan, keep));
                var where = new LogPurgeSchedule(ProcessRunner.Instance, HostRoot.Current).Register(This(invocation), olderThan, keep);
                Console.WriteLine($"Daily log purge at {LogPurgeSchedule.DailyAt} scheduled: {where}.");
                return ExitCodes.Ok;
            case "unschedule":
                invocation.AllowOnly();
                Console.WriteLine(new LogPurgeSchedule(ProcessRunner.Instance, HostRoot.Current).Unregister(This(invocation)) ? "Log purge schedule removed." : "No log purge was scheduled.");
                return ExitCodes.Ok;
            default:
                throw new UsageException("Use 'injixo-cloud-link logs purge|schedule [--older-than DAYS] [--keep N]' ('purge' also takes --dry-run), or 'logs unschedule'.");
        }
    }

    /// <summary>This instance, run by this executable: what the schedule starts.</summary>
    private static InstanceLocation This(Invocation invocation)
    {
        var (paths, config) = InstanceLoader.Load(invocation);
        return new InstanceLocation(config.Name, "", Environment.ProcessPath ?? InstancePaths.ExecutableName, paths.ConfigFile);
    }

    private static IReadOnlyList<RotatedLog> Choose(InstancePaths paths, TimeSpan? olderThan, int? keep)
    {
        IReadOnlyList<RotatedLog> chosen = [];
        Checked(() => chosen = LogPurge.Select(paths.Folder, olderThan, keep, DateTimeOffset.UtcNow));
        return chosen;
    }

    /// <summary>An age or count the purge refuses is a usage error (exit 2).</summary>
    private static void Checked(Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static double Number(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new UsageException($"{option} takes a number of at least 0, not '{text}'.");
}
