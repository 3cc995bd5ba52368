namespace CloudLink.Core.Config;

/// <summary>A config file that cannot be used: names the file, the place and what to change.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string file, int line, int column, string message)
        : base($"{file}:{line}:{column}: {message}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = message;
    }

    public ConfigException(string file, string key, string message)
        : base($"{file}: {key}: {message}")
    {
        File = file;
        Key = key;
        Reason = message;
    }

    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public string? Key { get; }
    public string Reason { get; }
}
