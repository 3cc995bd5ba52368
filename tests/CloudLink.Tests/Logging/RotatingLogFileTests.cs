using System.Globalization;
using CloudLink.Core.Logging;
using CloudLink.Tests.Support;
using Serilog;
using Serilog.Formatting.Display;

namespace CloudLink.Tests.Logging;

/// <summary>injixo-cloud-link.log rotates at start and at midnight into dated, numbered files, and survives a write failure.</summary>
public sealed class RotatingLogFileTests : IDisposable
{
    private readonly TempFolder _folder = new("cloudlink-log");

    private sealed class UtcClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private (Serilog.Core.Logger Log, RotatingLogFile File) Open(TimeProvider time, bool rotate)
    {
        var file = new RotatingLogFile(_folder.Path, new MessageTemplateTextFormatter(AgentLog.Template, CultureInfo.InvariantCulture), time, rotate);
        return (new LoggerConfiguration().WriteTo.Sink(file).CreateLogger(), file);
    }

    private string Current => _folder.Combine(RotatingLogFile.CurrentName);

    private string Read(string name) => File.ReadAllText(_folder.Combine(name));

    [Fact]
    public void Every_start_rotates_the_current_log_to_the_day_it_was_written_without_overwriting()
    {
        var clock = new UtcClock(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        for (var start = 1; start <= 3; start++)
        {
            var (log, file) = Open(clock, rotate: true);
            log.Information("run {Start}", start);
            log.Dispose();
            file.Dispose();
            File.SetLastWriteTime(Current, new DateTime(2026, 11, 20, 18, 0, 0));
        }

        Assert.Contains("run 1", Read("injixo-cloud-link.2026-11-20.1.log"), StringComparison.Ordinal);
        Assert.Contains("run 2", Read("injixo-cloud-link.2026-11-20.2.log"), StringComparison.Ordinal);
        Assert.Contains("run 3", Read(RotatingLogFile.CurrentName), StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_other_than_run_append_without_rotating()
    {
        File.WriteAllText(Current, "earlier line\n");
        var (log, file) = Open(TimeProvider.System, rotate: false);
        log.Information("pin shown");
        log.Dispose();
        file.Dispose();

        Assert.Single(Directory.GetFiles(_folder.Path));
        Assert.StartsWith("earlier line\n", Read(RotatingLogFile.CurrentName), StringComparison.Ordinal);
    }

    [Fact]
    public void At_midnight_the_day_that_ended_gets_its_own_file()
    {
        var clock = new UtcClock(new DateTimeOffset(2026, 11, 21, 23, 59, 50, TimeSpan.Zero));
        var (log, file) = Open(clock, rotate: true);
        log.Information("before midnight");
        clock.Advance(TimeSpan.FromSeconds(20));
        log.Information("after midnight");
        log.Dispose();
        file.Dispose();

        var yesterday = Read("injixo-cloud-link.2026-11-21.1.log");
        Assert.Contains("before midnight", yesterday, StringComparison.Ordinal);
        Assert.DoesNotContain("after midnight", yesterday, StringComparison.Ordinal);
        Assert.Contains("after midnight", Read(RotatingLogFile.CurrentName), StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_that_cannot_be_written_loses_lines_quietly_and_says_so_when_it_can_again()
    {
        var clock = new UtcClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        Directory.CreateDirectory(Current);
        var (log, file) = Open(clock, rotate: false);

        log.Information("lost 1");
        log.Information("lost 2");
        Directory.Delete(Current);
        clock.Advance(TimeSpan.FromSeconds(6));
        log.Information("back");
        log.Dispose();
        file.Dispose();

        var text = Read(RotatingLogFile.CurrentName);
        Assert.Contains("2 log message(s) were lost while the log could not be written", text, StringComparison.Ordinal);
        Assert.Contains("back", text, StringComparison.Ordinal);
        Assert.DoesNotContain("lost 1", text, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
