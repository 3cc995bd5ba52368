using System.Globalization;
using CloudLink.Agent.Cli;
using CloudLink.Core.Agent;
using CloudLink.Core.Control;

namespace CloudLink.Agent.Commands;

internal static class StatusCommand
{
    public static async Task<int> RunAsync(Invocation invocation)
    {
        invocation.AllowOnly();
        var (paths, config) = InstanceLoader.LoadAsOwner(invocation);
        string agent;
        try
        {
            var live = await ControlChannel.AskAsync(paths, new ControlRequest { Command = "status" }, TimeSpan.FromSeconds(5));
            agent = live is null ? "not running" : $"running (PID {live.ProcessId}, since {Time(live.StartedAt)})";
        }
        catch (UnauthorizedAccessException)
        {
            agent = "unknown: only root (or the instance's owner) may ask the running agent; use sudo";
        }

        var status = InstanceStatus.Read(paths, config, TimeProvider.System);
        var link = status.LinkState switch
        {
            "linked" => $"linked to integration {status.IntegrationId} ({status.IntegrationName})",
            "waiting for PIN" => $"waiting for PIN {status.Pin} (expires {Time(status.PinExpiresAt)})",
            _ => "not paired; run 'injixo-cloud-link pin' and enter the PIN on the integration's page",
        };
        Console.WriteLine($"Instance:       {status.Name}");
        Console.WriteLine($"Agent:          {agent}");
        Console.WriteLine($"Folder:         {status.Folder}");
        Console.WriteLine($"Config:         {status.ConfigFile}");
        Console.WriteLine($"Cloud:          {status.CloudUrl}");
        Console.WriteLine($"Link:           {link}");
        Console.WriteLine($"Import folder:  {status.ImportDirectory}");
        Console.WriteLine($"Imported:       {status.ImportedFiles} file(s), last {Time(status.LastImportAt)}");
        Console.WriteLine($"Backlog:        {status.Backlog} file(s)");
        if (status.LastCsvCheck is { } check)
        {
            var report = check.Report;
            Console.WriteLine(report.Refused
                ? $"Last check:     {check.FileName} ({Time(check.CheckedAt)}): the cloud would refuse {report.ProblemCount} thing(s); sent as it is"
                : $"Last check:     {check.FileName} ({Time(check.CheckedAt)}): ok, {report.Rows} rows");
            foreach (var problem in report.Problems.Take(3))
            {
                Console.WriteLine($"                line {problem.Line}: {problem.Message}");
            }
        }

        if (status.QuerySha256 is { } sha256)
        {
            Console.WriteLine($"Query:          SHA-256 {sha256}, {status.QueryState}");
        }

        if (status.DatabaseNextWindow is { } next)
        {
            Console.WriteLine($"Database:       read up to {next.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} (database time); history {status.DatabaseHistoryPercent:0}% read");
        }
        return ExitCodes.Ok;
    }

    private static string Time(DateTimeOffset? value) =>
        value is null ? "never" : value.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
