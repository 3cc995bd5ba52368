using CloudLink.Core.Database;

namespace CloudLink.Tests.Database;

/// <summary>Windows in the database's local time across daylight-saving changes (Europe/Berlin).</summary>
public sealed class WindowClockTests
{
    private static readonly WindowClock Berlin = WindowClock.For("Europe/Berlin");

    private static DateTime Local(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    [Fact]
    public void The_repeated_autumn_hour_is_one_window_due_after_its_second_occurrence()
    {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; local 02:00-03:00 occurs twice (00:00-01:00 and 01:00-02:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 15, 0, TimeSpan.Zero), Berlin.ToUtcLate(Local(10, 25, 2, 15)));

        var duringFirstOccurrence = new DateTimeOffset(2026, 10, 25, 0, 40, 0, TimeSpan.Zero);
        Assert.Equal(Local(10, 25, 2, 0), Berlin.CompleteUntil(duringFirstOccurrence, WindowClock.Grain));

        var duringSecondOccurrence = new DateTimeOffset(2026, 10, 25, 1, 40, 0, TimeSpan.Zero);
        Assert.Equal(Local(10, 25, 2, 30), Berlin.CompleteUntil(duringSecondOccurrence, WindowClock.Grain));
    }

    [Fact]
    public void The_skipped_spring_hour_has_windows_that_pass_at_once()
    {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST; local 02:00-03:00 does not exist.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), Berlin.ToUtcLate(Local(3, 29, 2, 30)));
        Assert.Equal(Local(3, 29, 3, 0), Berlin.CompleteUntil(new DateTimeOffset(2026, 3, 29, 1, 5, 0, TimeSpan.Zero), WindowClock.Grain));
    }

    [Fact]
    public void Windows_across_both_changes_tile_the_local_time_without_gap_or_overlap()
    {
        foreach (var (from, to) in new[] { (Local(3, 28, 0, 0), Local(3, 30, 0, 0)), (Local(10, 24, 0, 0), Local(10, 26, 0, 0)) })
        {
            var windows = WindowPlanner.Due(from, from, to, int.MaxValue);

            Assert.Equal(192, windows.Count);
            Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
            Assert.Equal(from, windows[0].From);
            Assert.Equal(to, windows[^1].To);
        }
    }

    [Fact]
    public void History_goes_in_day_chunks_up_to_the_live_boundary_then_in_quarter_hours()
    {
        var liveBoundary = Local(10, 25, 13, 0);

        var windows = WindowPlanner.Due(Local(10, 23, 13, 0), liveBoundary, Local(10, 26, 13, 0), int.MaxValue);

        Assert.Equal(
            [(Local(10, 23, 13, 0), Local(10, 24, 0, 0)), (Local(10, 24, 0, 0), Local(10, 25, 0, 0)), (Local(10, 25, 0, 0), liveBoundary)],
            windows.Where(window => window.Kind == WindowKind.Backfill).Select(window => (window.From, window.To)));
        Assert.Equal(96, windows.Count(window => window.Kind == WindowKind.Regular));
        Assert.Equal(96, WindowPlanner.Reconcile(liveBoundary, Local(10, 26, 13, 0)).Count);
    }

    [Fact]
    public void An_unknown_time_zone_says_what_to_set()
    {
        var error = Assert.Throws<DatabaseImportException>(() => WindowClock.For("Mars/Olympus"));
        Assert.Contains("IANA name", error.Message, StringComparison.Ordinal);
    }
}
