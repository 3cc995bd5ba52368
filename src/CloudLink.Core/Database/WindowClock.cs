namespace CloudLink.Core.Database;

/// <summary>
/// Windows are cut in the database's local wall-clock time, so that daylight-saving changes
/// neither lose nor double an hour: the skipped spring hour has no local timestamps to read, and
/// the repeated autumn hour is one wall-clock window read once. A window is due once its end has
/// passed in every reading of the local time, i.e. at the later instant of an ambiguous time.
/// </summary>
public sealed class WindowClock(TimeZoneInfo zone)
{
    public static readonly TimeSpan Grain = TimeSpan.FromMinutes(15);

    public TimeZoneInfo Zone { get; } = zone;

    public static WindowClock For(string timeZone)
    {
        try
        {
            return new WindowClock(TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new DatabaseImportException($"The integration's time zone '{timeZone}' is not known on this server; set an IANA name such as Europe/Berlin in the cloud, or install tzdata.");
        }
    }

    public static DateTime Align(DateTime local, TimeSpan grain) => new(local.Ticks - (local.Ticks % grain.Ticks), DateTimeKind.Unspecified);

    public DateTime ToLocal(DateTimeOffset utc) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utc.UtcDateTime, Zone), DateTimeKind.Unspecified);

    /// <summary>The last instant at which this local time can be read: after a gap's end, or the later of an ambiguous pair.</summary>
    public DateTimeOffset ToUtcLate(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Inside the skipped spring hour: these times never occur; take the first that does.
            local = Align(local, TimeSpan.FromMinutes(1));
            while (Zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }
        }

        // Each reading of the local time, checked by converting back: the zone's own ambiguity
        // test also flags the last tick before a repeated hour.
        var latest = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
        if (Zone.IsAmbiguousTime(local))
        {
            foreach (var offset in Zone.GetAmbiguousTimeOffsets(local))
            {
                var candidate = new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
                if (candidate > latest && ToLocal(candidate) == local)
                {
                    latest = candidate;
                }
            }
        }

        return latest;
    }

    /// <summary>When every local time before <paramref name="windowEnd"/> has occurred (the last reading of a repeated hour included).</summary>
    public DateTimeOffset EndsAt(DateTime windowEnd) => ToUtcLate(windowEnd.AddTicks(-1)).AddTicks(1);

    /// <summary>The latest window boundary (on <paramref name="cadence"/>) whose window has fully passed by <paramref name="utcNow"/>.</summary>
    public DateTime CompleteUntil(DateTimeOffset utcNow, TimeSpan cadence)
    {
        var boundary = Align(ToLocal(utcNow), cadence);
        while (EndsAt(boundary) > utcNow)
        {
            boundary -= cadence;
        }

        return boundary;
    }
}
