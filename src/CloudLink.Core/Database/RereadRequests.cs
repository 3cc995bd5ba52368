using System.Text.Json;
using CloudLink.Core.Instance;
using CloudLink.Core.State;

namespace CloudLink.Core.Database;

/// <summary>
/// Periods of database windows an operator asked to read again ('import --from --to',
/// Start-CloudLinkImport -From -To), kept in state/reread.json so a restart does not forget them.
/// The importer works through them in order and advances a period only after the cloud
/// acknowledged a window, like the checkpoint.
/// </summary>
public sealed class RereadRequests(InstancePaths paths)
{
    private static readonly object Gate = new();

    public string FilePath => Path.Combine(paths.StateFolder, "reread.json");

    /// <summary>Adds a period (database local time); it is read in the windows it was first read in, which may be wider.</summary>
    public void Add(DateTime from, DateTime to)
    {
        if (from >= to)
        {
            throw new ArgumentException($"The period to read again must start before it ends ({from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm}).");
        }

        lock (Gate)
        {
            var periods = Load();
            var end = WindowClock.Align(to, WindowClock.Grain);
            periods.Add(new RereadPeriod { From = WindowClock.Align(from, WindowClock.Grain), To = end < to ? end + WindowClock.Grain : end });
            Save(periods);
        }
    }

    /// <summary>
    /// The next window to read again, if any, with the bounds of its first reading (see
    /// <see cref="WindowPlanner.OriginalWindow"/>); nothing beyond <paramref name="readUntil"/>,
    /// which the regular import has not read yet.
    /// </summary>
    public ImportWindow? Next(DateTime readUntil, IReadOnlyList<ChunkedPeriod> chunked)
    {
        lock (Gate)
        {
            var periods = Load();
            while (periods.Count > 0 && (periods[0].From >= periods[0].To || periods[0].From >= readUntil))
            {
                periods.RemoveAt(0); // done, or not read the first time yet: the regular import will read it
                Save(periods);
            }

            return periods.Count == 0 ? null : WindowPlanner.OriginalWindow(periods[0].From, chunked);
        }
    }

    /// <summary>Records that <paramref name="window"/> was acknowledged.</summary>
    public void Done(ImportWindow window)
    {
        lock (Gate)
        {
            var periods = Load();
            if (periods.Count > 0 && window.From <= periods[0].From && periods[0].From < window.To)
            {
                periods[0].From = window.To;
                Save(periods);
            }
        }
    }

    private List<RereadPeriod> Load()
    {
        try
        {
            return JsonSerializer.Deserialize(NoFollow.ReadAllBytes(FilePath), StateJson.Default.ListRereadPeriod) ?? [];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (JsonException e)
        {
            throw new StateException(FilePath, $"damaged ({e.Message}); delete it and ask for the periods to be read again.", e);
        }
    }

    private void Save(List<RereadPeriod> periods)
    {
        if (periods.Count == 0)
        {
            File.Delete(FilePath);
            return;
        }

        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        AtomicFile.Write(FilePath, JsonSerializer.SerializeToUtf8Bytes(periods, StateJson.Default.ListRereadPeriod), privateFile: true);
    }
}

/// <summary>One period to read again, [From, To) in database local time; From advances as windows are acknowledged.</summary>
public sealed class RereadPeriod
{
    public DateTime From { get; set; }
    public DateTime To { get; set; }
}
