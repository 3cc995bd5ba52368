namespace CloudLink.Core.Toml;

/// <summary>A document that is not valid TOML 1.1: where (1-based line and column) and why, in plain words.</summary>
public sealed class TomlException : Exception
{
    public TomlException(string reason, int line, int column, string? file = null)
        : base($"{(file is null ? "" : file + ":")}{line}:{column}: {reason}")
    {
        Reason = reason;
        Line = line;
        Column = column;
        File = file;
    }

    public string Reason { get; }
    public int Line { get; }
    public int Column { get; }
    public string? File { get; }

    /// <summary>The same error, naming the file it came from.</summary>
    public TomlException InFile(string file) => new(Reason, Line, Column, file);
}
