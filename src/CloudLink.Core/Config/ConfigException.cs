namespace CloudLink.Core.Config;

/// <summary>A config file that cannot be used: names the file, the place or key, and what to change.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string file, int line, int column, string? key, string reason)
        : base($"{file}:{line}:{column}: {(key is null ? "" : key + ": ")}{reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Key = key;
        Reason = reason;
    }

    public ConfigException(string file, string key, string reason)
        : base($"{file}: {key}: {reason}")
    {
        File = file;
        Key = key;
        Reason = reason;
    }

    public string File { get; }

    /// <summary>1-based line of the problem; 0 when it is not tied to a place in the file.</summary>
    public int Line { get; }

    public int Column { get; }
    public string? Key { get; }
    public string Reason { get; }
}
