using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.Core.Service;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Logging;

/// <summary>Which rotated logs a purge deletes (never the current log), and the schedule that runs it.</summary>
public sealed class LogPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Rotated logs for the last <paramref name="days"/> days (two on the newest day), each written on its day; an old current log; strangers.</summary>
    private static TempFolder Logs(int days)
    {
        var folder = new TempFolder();
        for (var age = 1; age <= days; age++)
        {
            var day = Now.UtcDateTime.Date.AddDays(-age);
            foreach (var n in age == 1 ? new[] { 1, 2 } : [1])
            {
                var path = folder.Combine($"injixo-cloud-link.{day:yyyy-MM-dd}.{n}.log");
                File.WriteAllText(path, "log");
                File.SetLastWriteTimeUtc(path, day.AddHours(23).AddMinutes(n));
            }
        }

        foreach (var name in new[] { InstancePaths.LogFileName, "injixo-cloud-link.toml", "other.2026-01-01.1.log", "injixo-cloud-link.2026-13-01.1.log" })
        {
            File.WriteAllText(folder.Combine(name), "x");
            File.SetLastWriteTimeUtc(folder.Combine(name), Now.UtcDateTime.AddYears(-3));
        }

        return folder;
    }

    private static List<string> Names(IEnumerable<RotatedLog> logs) => logs.Select(l => Path.GetFileName(l.Path)).ToList();

    [Fact]
    public void Keep_deletes_all_but_the_newest_rotated_logs_and_never_the_current_one()
    {
        using var folder = Logs(5);

        var chosen = Names(LogPurge.Select(folder.Path, olderThan: null, keep: 2, Now));

        Assert.Equal(["injixo-cloud-link.2026-11-20.1.log", "injixo-cloud-link.2026-11-19.1.log", "injixo-cloud-link.2026-11-18.1.log", "injixo-cloud-link.2026-11-17.1.log"], chosen);
        Assert.DoesNotContain(InstancePaths.LogFileName, chosen);
    }

    [Fact]
    public void Older_than_deletes_by_last_write_and_with_keep_both_must_hold()
    {
        using var folder = Logs(10);

        var old = Names(LogPurge.Select(folder.Path, TimeSpan.FromDays(7), keep: null, Now));
        var oldAndBeyondNine = Names(LogPurge.Select(folder.Path, TimeSpan.FromDays(7), keep: 10, Now));

        Assert.Equal(["injixo-cloud-link.2026-11-14.1.log", "injixo-cloud-link.2026-11-13.1.log", "injixo-cloud-link.2026-11-12.1.log"], old);
        Assert.Equal(["injixo-cloud-link.2026-11-12.1.log"], oldAndBeyondNine);
    }

    [Fact]
    public void A_purge_needs_an_age_or_a_count()
    {
        using var folder = Logs(1);

        Assert.Throws<ArgumentException>(() => LogPurge.Select(folder.Path, null, null, Now));
        Assert.Throws<ArgumentException>(() => LogPurge.Select(folder.Path, null, -1, Now));
    }

    [Fact]
    public void Delete_removes_exactly_the_chosen_files()
    {
        using var folder = Logs(4);
        var chosen = LogPurge.Select(folder.Path, null, keep: 0, Now);

        var (deleted, failed) = LogPurge.Delete(chosen);

        Assert.Equal(5, deleted.Count);
        Assert.Empty(failed);
        Assert.Equal(["injixo-cloud-link.2026-13-01.1.log", "injixo-cloud-link.log", "injixo-cloud-link.toml", "other.2026-01-01.1.log"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_schedule_is_a_daily_timer_running_the_instance_agent_or_a_system_task()
    {
        using var root = new TempFolder();
        var instance = new InstanceLocation("com.injixo.cloud-link.instance.1", "", "/opt/cl one/injixo-cloud-link", "/opt/cl one/injixo-cloud-link.toml");
        var schedule = new LogPurgeSchedule(CloudLink.Core.Processes.ProcessRunner.Instance, root.Path);

        var timer = schedule.Register(instance, TimeSpan.FromDays(30), keep: 5);

        Assert.Equal(root.Combine("etc", "systemd", "system", "com.injixo.cloud-link.instance.1-log-purge.timer"), timer);
        Assert.Contains("OnCalendar=*-*-* 03:15:00\n", File.ReadAllText(timer), StringComparison.Ordinal);
        var service = File.ReadAllText(root.Combine("etc", "systemd", "system", "com.injixo.cloud-link.instance.1-log-purge.service"));
        Assert.Contains("Type=oneshot\n", service, StringComparison.Ordinal);
        Assert.Equal(["/opt/cl one/injixo-cloud-link", "--config", "/opt/cl one/injixo-cloud-link.toml", "logs", "purge", "--older-than", "30", "--keep", "5"],
            SystemdUnit.CommandOf(service));
        Assert.Equal(
            "/Create /F /TN \"injixo Cloud Link\\Log purge (injixo Cloud Link (Instance 1))\" /SC DAILY /ST 03:15 /RU SYSTEM /RL HIGHEST " +
            "/TR \"\\\"/opt/cl one/injixo-cloud-link\\\" --config \\\"/opt/cl one/injixo-cloud-link.toml\\\" logs purge --older-than 30 --keep 5\"",
            LogPurgeSchedule.SchtasksCreate(instance, TimeSpan.FromDays(30), 5));

        Assert.True(schedule.Unregister(instance));
        Assert.False(File.Exists(timer));
        Assert.False(schedule.Unregister(instance));
    }
}
