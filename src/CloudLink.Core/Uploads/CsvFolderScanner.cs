namespace CloudLink.Core.Uploads;

/// <summary>
/// Lists the *.csv files (any case) directly in the import folder, oldest first, with the size and
/// modification time of what they are (a link's target); a dangling link or a file gone meanwhile
/// is left out. Whether a link may be followed is decided when the file is opened (<see cref="ImportFile"/>).
/// </summary>
public static class CsvFolderScanner
{
    public static IReadOnlyList<CsvCandidate> Scan(string folder)
    {
        var result = new List<CsvCandidate>();
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(path);
            if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (State.NativeUnix.IsUnix)
            {
                if (State.NativeUnix.Stat(path, followLinks: true) is { } facts)
                {
                    result.Add(new CsvCandidate(path, name, facts.Size, facts.ModifiedTicks));
                }

                continue;
            }

            var info = new FileInfo(path);
            try
            {
                result.Add(new CsvCandidate(path, name, info.Length, info.LastWriteTimeUtc.Ticks));
            }
            catch (FileNotFoundException)
            {
                // Deleted between listing and looking: nothing to import.
            }
        }

        result.Sort((a, b) => a.ModifiedTicks != b.ModifiedTicks
            ? a.ModifiedTicks.CompareTo(b.ModifiedTicks)
            : string.CompareOrdinal(a.Name, b.Name));
        return result;
    }
}
