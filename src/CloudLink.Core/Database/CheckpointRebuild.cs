using System.Globalization;
using CloudLink.Protocol;

namespace CloudLink.Core.Database;

/// <summary>
/// Rebuilds a missing or damaged checkpoint from the windows the cloud holds (their keys carry the
/// bounds), so that the import goes on where the cloud's data ends, reads history again with the
/// same bounds, and sends nothing the cloud holds again.
/// </summary>
public static class CheckpointRebuild
{
    /// <summary>The checkpoint the cloud's windows imply, or null when it holds none of this data type.</summary>
    public static DatabaseCheckpoint? FromCloud(IEnumerable<ReceivedWindowInfo> held, long integrationId, DataType type, DateTime liveBoundary)
    {
        var windows = held.Select(window => Parse(window, type)).OfType<(ImportWindow Window, string Sha256)>().OrderBy(w => w.Window.From).ToList();
        if (windows.Count == 0)
        {
            return null;
        }

        var reached = windows.Max(w => w.Window.To);
        var checkpoint = new DatabaseCheckpoint
        {
            IntegrationId = integrationId,
            DataType = type.Name,
            BackfillFrom = windows[0].Window.From,
            // The last day is read again: windows the cloud holds as they are are not sent (their hashes
            // are below), and a real-time window that was still open gets its final version.
            Next = reached < liveBoundary ? reached : liveBoundary,
            BackfillComplete = reached >= liveBoundary,
        };
        foreach (var (window, _) in windows.Where(w => w.Window.From < liveBoundary && w.Window.To - w.Window.From > WindowClock.Grain))
        {
            WindowPlanner.NoteChunk(checkpoint.Chunked, window);
        }

        checkpoint.Uploaded.AddRange(windows
            .Where(w => w.Window.To > liveBoundary - TimeSpan.FromHours(1))
            .Select(w => new UploadedWindow { Key = w.Window.Key(type), To = w.Window.To, Sha256 = w.Sha256 }));
        return checkpoint;
    }

    /// <summary>The window behind a key "type:yyyy-MM-ddTHH:mm/yyyy-MM-ddTHH:mm"; null for another data type or a key not of this form.</summary>
    private static (ImportWindow Window, string Sha256)? Parse(ReceivedWindowInfo held, DataType type)
    {
        var prefix = type.Name + ":";
        if (!held.WindowKey.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var bounds = held.WindowKey[prefix.Length..].Split('/');
        return bounds.Length == 2 && Time(bounds[0]) is { } from && Time(bounds[1]) is { } to && from < to
            ? (new ImportWindow(from, to, WindowKind.Backfill), held.Sha256)
            : null;
    }

    private static DateTime? Time(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
