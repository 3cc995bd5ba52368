using System.Text;

namespace CloudLink.Core.Install;

/// <summary>Picks the lines of a verbose msiexec log that explain a failure.</summary>
public static class MsiLog
{
    private const int LinesBeforeFailure = 8;
    private const int MaximumLines = 25;

    /// <summary>
    /// The failing action ("Return value 3" and the lines before it) and every "Error NNNN." line;
    /// msiexec writes its log in UTF-16, which the byte order mark tells.
    /// </summary>
    public static IReadOnlyList<string> Excerpt(string logPath)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(logPath, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [$"(msiexec left no readable log at {logPath}: {e.Message})"];
        }

        var picked = new SortedSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Contains("Return value 3", StringComparison.Ordinal))
            {
                for (var j = Math.Max(0, i - LinesBeforeFailure); j <= i; j++)
                {
                    picked.Add(j);
                }
            }
            else if (line.StartsWith("Error ", StringComparison.Ordinal) || line.Contains("-- Error ", StringComparison.Ordinal))
            {
                picked.Add(i);
            }
        }

        return picked.Count == 0
            ? [$"(no failing action found in {logPath}; read the whole log)"]
            : picked.Take(MaximumLines).Select(i => lines[i].TrimEnd()).Where(line => line.Length > 0).ToList();
    }
}
