using System.Globalization;

namespace CloudLink.Tests.Support;

/// <summary>What a process holds in memory, as Linux reports it.</summary>
internal static class ProcessMemory
{
    /// <summary>Resident memory (VmRSS) in bytes now; 0 once the process has gone.</summary>
    public static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
