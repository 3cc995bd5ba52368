using System.Globalization;
using System.Text;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;
using CloudLink.Core.Service;
using CloudLink.Core.Service.Windows;
using CloudLink.Core.State;

namespace CloudLink.Core.Logging;

/// <summary>
/// A daily log purge for an instance: a systemd timer and oneshot service on Linux, a scheduled
/// task running as SYSTEM on Windows. Both run the instance's agent with 'logs purge'.
/// </summary>
public sealed class LogPurgeSchedule(IProcessRunner runner, string hostRoot = "/")
{
    public const string DailyAt = "03:15";

    /// <summary>The agent command the schedule runs.</summary>
    public static List<string> Command(InstanceLocation instance, TimeSpan? olderThan, int? keep)
    {
        var command = new List<string> { instance.Executable, "--config", instance.Paths.ConfigFile, "logs", "purge" };
        if (olderThan is { } age)
        {
            command.AddRange(["--older-than", age.TotalDays.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        if (keep is { } count)
        {
            command.AddRange(["--keep", count.ToString(CultureInfo.InvariantCulture)]);
        }

        return command;
    }

    /// <summary>"com.injixo.cloud-link-log-purge" for the unit com.injixo.cloud-link.service.</summary>
    public static string SystemdName(InstanceLocation instance) => SystemdUnit.Name(instance.AppName).Replace(".service", "-log-purge");

    public static string TaskName(InstanceLocation instance) => $@"injixo Cloud Link\Log purge ({WindowsServiceName.From(instance.AppName)})";

    public static string ServiceUnitText(InstanceLocation instance, TimeSpan? olderThan, int? keep) =>
        $"# Written by Register-CloudLinkLogPurge or cloudlink-log-purge.sh for the instance in {instance.Paths.Folder}.\n" +
        $"[Unit]\nDescription=Purge rotated logs of injixo Cloud Link ({instance.AppName})\n\n" +
        $"[Service]\nType=oneshot\nExecStart={SystemdUnit.ExecStart(Command(instance, olderThan, keep))}\n";

    public static string TimerUnitText(InstanceLocation instance) =>
        $"# Written by Register-CloudLinkLogPurge or cloudlink-log-purge.sh for the instance in {instance.Paths.Folder}.\n" +
        $"[Unit]\nDescription=Daily log purge of injixo Cloud Link ({instance.AppName})\n\n" +
        $"[Timer]\nOnCalendar=*-*-* {DailyAt}:00\nRandomizedDelaySec=15min\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n";

    public static string SchtasksCreate(InstanceLocation instance, TimeSpan? olderThan, int? keep)
    {
        // schtasks takes the task's command as one /TR argument; quotes inside it are escaped with a backslash.
        var task = string.Join(" ", Command(instance, olderThan, keep).Select(word => word.Contains(' ') || word.Length == 0 ? "\\\"" + word + "\\\"" : word));
        return $"/Create /F /TN {CommandLine.Quote(TaskName(instance))} /SC DAILY /ST {DailyAt} /RU SYSTEM /RL HIGHEST /TR \"{task}\"";
    }

    public static string SchtasksDelete(InstanceLocation instance) => $"/Delete /F /TN {CommandLine.Quote(TaskName(instance))}";

    /// <summary>Installs (or replaces) the schedule; returns where it lives (the timer unit or the task name).</summary>
    public string Register(InstanceLocation instance, TimeSpan? olderThan, int? keep)
    {
        LogPurge.Validate(olderThan, keep);
        if (InstanceCatalog.IsWindows)
        {
            Require("schtasks.exe", SchtasksCreate(instance, olderThan, keep));
            return TaskName(instance);
        }

        var name = SystemdName(instance);
        Directory.CreateDirectory(UnitFolder);
        AtomicFile.Write(Path.Combine(UnitFolder, name + ".service"), Encoding.UTF8.GetBytes(ServiceUnitText(instance, olderThan, keep)), privateFile: false);
        AtomicFile.Write(Path.Combine(UnitFolder, name + ".timer"), Encoding.UTF8.GetBytes(TimerUnitText(instance)), privateFile: false);
        if (UsesSystemd)
        {
            Require("systemctl", "daemon-reload");
            Require("systemctl", CommandLine.Join(["enable", "--now", name + ".timer"]));
        }

        return Path.Combine(UnitFolder, name + ".timer");
    }

    /// <summary>Removes the schedule; returns whether there was one.</summary>
    public bool Unregister(InstanceLocation instance)
    {
        if (InstanceCatalog.IsWindows)
        {
            return runner.Run("schtasks.exe", SchtasksDelete(instance)).ExitCode == 0;
        }

        var name = SystemdName(instance);
        var files = new[] { name + ".timer", name + ".service" }.Select(f => Path.Combine(UnitFolder, f)).Where(File.Exists).ToList();
        if (UsesSystemd && files.Count > 0)
        {
            runner.Run("systemctl", CommandLine.Join(["disable", "--now", name + ".timer"]));
        }

        files.ForEach(File.Delete);
        if (UsesSystemd && files.Count > 0)
        {
            Require("systemctl", "daemon-reload");
        }

        return files.Count > 0;
    }

    private string UnitFolder => Path.Combine(hostRoot, "etc", "systemd", "system");

    private bool UsesSystemd => hostRoot == "/" && Directory.Exists("/run/systemd/system");

    private void Require(string program, string arguments)
    {
        var result = runner.Run(program, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{result.CommandLine}' failed (exit {result.ExitCode}): {(result.Error + result.Output).Trim()}");
        }
    }
}
