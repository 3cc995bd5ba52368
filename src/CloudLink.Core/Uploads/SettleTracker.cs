namespace CloudLink.Core.Uploads;

/// <summary>
/// Decides when a file is complete: its size and modification time must be unchanged across scans
/// for the settle time. A file still being written keeps changing and is left alone.
/// </summary>
public sealed class SettleTracker(TimeSpan settleTime)
{
    private readonly Dictionary<string, (long Size, long ModifiedTicks, DateTimeOffset StableSince)> _seen = new(StringComparer.Ordinal);

    /// <summary>Records what a scan saw; true once the file has been stable for the settle time.</summary>
    public bool IsSettled(CsvCandidate file, DateTimeOffset now)
    {
        if (_seen.TryGetValue(file.Path, out var seen) && seen.Size == file.Size && seen.ModifiedTicks == file.ModifiedTicks)
        {
            return now - seen.StableSince >= settleTime;
        }

        _seen[file.Path] = (file.Size, file.ModifiedTicks, now);
        return settleTime <= TimeSpan.Zero;
    }

    /// <summary>Starts the wait over, e.g. when the file turned out to change while it was read.</summary>
    public void Forget(string path) => _seen.Remove(path);

    /// <summary>Drops files that are gone from the folder, so the tracker does not grow without bound.</summary>
    public void Retain(IEnumerable<CsvCandidate> present)
    {
        var keep = new HashSet<string>(present.Select(file => file.Path), StringComparer.Ordinal);
        foreach (var path in _seen.Keys.Where(path => !keep.Contains(path)).ToList())
        {
            _seen.Remove(path);
        }
    }
}
