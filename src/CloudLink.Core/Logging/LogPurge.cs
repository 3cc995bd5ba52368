using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudLink.Core.Logging;

/// <summary>
/// Chooses which rotated logs (injixo-cloud-link.YYYY-MM-DD.N.log) of an instance to delete: those
/// older than an age, beyond a count of the newest, or both (then a log must be both old and
/// beyond the count). The current log is never touched; the agent itself never deletes logs.
/// </summary>
public static class LogPurge
{
    private static readonly Regex RotatedName = new(@"^injixo-cloud-link\.(\d{4}-\d{2}-\d{2})\.(\d+)\.log$", RegexOptions.CultureInvariant);

    /// <summary>Whether a file name is that of a rotated log.</summary>
    public static bool IsRotatedName(string fileName) => RotatedName.IsMatch(fileName);

    /// <summary>The rotated logs of <paramref name="folder"/>, newest first (by day, then by number).</summary>
    public static IReadOnlyList<RotatedLog> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var logs = new List<RotatedLog>();
        // Every name, matched here: a pattern given to the file system is matched differently by each
        // (Wine's finds none of these; Windows also matches short 8.3 names).
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var match = RotatedName.Match(Path.GetFileName(path));
            if (match.Success && DateTime.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                var file = new FileInfo(path);
                logs.Add(new RotatedLog(path, day, number, file.Length, file.LastWriteTimeUtc));
            }
        }

        return logs.OrderByDescending(l => l.Day).ThenByDescending(l => l.Number).ToList();
    }

    /// <summary>The logs to delete; <paramref name="olderThan"/> counts from the last write to <paramref name="now"/>.</summary>
    public static IReadOnlyList<RotatedLog> Select(string folder, TimeSpan? olderThan, int? keep, DateTimeOffset now)
    {
        Validate(olderThan, keep);
        return List(folder)
            .Where((log, index) => (keep is null || index >= keep) && (olderThan is null || now - log.LastWriteUtc > olderThan))
            .ToList();
    }

    /// <summary>Refuses a purge that would choose nothing or makes no sense: at least an age or a count, neither negative.</summary>
    public static void Validate(TimeSpan? olderThan, int? keep)
    {
        if (olderThan is null && keep is null)
        {
            throw new ArgumentException("Give an age (-OlderThan / --older-than DAYS), a count to keep (-Keep / --keep N), or both.");
        }

        if (olderThan < TimeSpan.Zero || keep < 0)
        {
            throw new ArgumentException("The age and the count to keep cannot be negative.");
        }
    }

    /// <summary>Deletes the chosen logs; returns the ones deleted and the ones that could not be (in use, no rights).</summary>
    public static (IReadOnlyList<RotatedLog> Deleted, IReadOnlyList<(RotatedLog Log, string Error)> Failed) Delete(IEnumerable<RotatedLog> logs)
    {
        var deleted = new List<RotatedLog>();
        var failed = new List<(RotatedLog, string)>();
        foreach (var log in logs)
        {
            try
            {
                File.Delete(log.Path);
                deleted.Add(log);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add((log, e.Message));
            }
        }

        return (deleted, failed);
    }
}

/// <summary>One rotated log file.</summary>
public sealed record RotatedLog(string Path, DateTime Day, int Number, long Length, DateTime LastWriteUtc);
