namespace CloudLink.Core.Database;

/// <summary>
/// Decides which windows to read now. History older than 24 hours goes in one-day chunks; the
/// last 24 hours in 15-minute windows, as each cadence boundary (15, 30 or 60 minutes) passes;
/// reconciliation re-reads the last 24 hours in 15-minute windows once per cadence. The two
/// regions never overlap, so no row is in two different windows.
/// </summary>
public static class WindowPlanner
{
    public static readonly TimeSpan LiveSpan = TimeSpan.FromHours(24);
    public static readonly TimeSpan BackfillChunk = TimeSpan.FromDays(1);

    /// <summary>The start of the live region: history before it is backfill.</summary>
    public static DateTime LiveBoundary(DateTime localNow) => WindowClock.Align(localNow - LiveSpan, WindowClock.Grain);

    /// <summary>Backfill chunks and completed windows from <paramref name="next"/> up to <paramref name="completeUntil"/>, oldest first.</summary>
    public static List<ImportWindow> Due(DateTime next, DateTime liveBoundary, DateTime completeUntil, int limit)
    {
        var windows = new List<ImportWindow>();
        while (windows.Count < limit)
        {
            if (next < liveBoundary)
            {
                var chunkEnd = WindowClock.Align(next + BackfillChunk, BackfillChunk);
                var end = chunkEnd < liveBoundary ? chunkEnd : liveBoundary;
                windows.Add(new ImportWindow(next, end, WindowKind.Backfill));
                next = end;
                continue;
            }

            var windowEnd = next + WindowClock.Grain;
            if (windowEnd > completeUntil)
            {
                break;
            }

            windows.Add(new ImportWindow(next, windowEnd, WindowKind.Regular));
            next = windowEnd;
        }

        return windows;
    }

    /// <summary>Records an acknowledged history chunk, extending the period it continues.</summary>
    public static void NoteChunk(List<ChunkedPeriod> chunked, ImportWindow chunk)
    {
        if (chunked.Count > 0 && chunked[chunked.Count - 1].To == chunk.From)
        {
            chunked[chunked.Count - 1].To = chunk.To;
        }
        else
        {
            chunked.Add(new ChunkedPeriod { From = chunk.From, To = chunk.To });
        }
    }

    /// <summary>
    /// The window that was first read at <paramref name="time"/>: its history chunk (cut at midnight
    /// and at the chunked period's ends), or else its 15-minute window. Reading it again with the
    /// same bounds gives the same key, so the cloud replaces it instead of counting rows twice.
    /// </summary>
    public static ImportWindow OriginalWindow(DateTime time, IReadOnlyList<ChunkedPeriod> chunked)
    {
        foreach (var period in chunked)
        {
            if (period.From <= time && time < period.To)
            {
                var dayStart = WindowClock.Align(time, BackfillChunk);
                var dayEnd = dayStart + BackfillChunk;
                return new ImportWindow(dayStart > period.From ? dayStart : period.From, dayEnd < period.To ? dayEnd : period.To, WindowKind.Backfill);
            }
        }

        var from = WindowClock.Align(time, WindowClock.Grain);
        return new ImportWindow(from, from + WindowClock.Grain, WindowKind.Reconcile);
    }

    /// <summary>The 15-minute windows of the live region that were already acknowledged: from the live boundary up to <paramref name="next"/>.</summary>
    public static List<ImportWindow> Reconcile(DateTime liveBoundary, DateTime next)
    {
        var windows = new List<ImportWindow>();
        for (var from = liveBoundary; from + WindowClock.Grain <= next; from += WindowClock.Grain)
        {
            windows.Add(new ImportWindow(from, from + WindowClock.Grain, WindowKind.Reconcile));
        }

        return windows;
    }
}
