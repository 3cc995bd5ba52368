namespace CloudLink.Core.State;

/// <summary>Private state that cannot be read or written: names the file and what to do.</summary>
public sealed class StateException(string file, string message, Exception? inner = null)
    : Exception($"{file}: {message}", inner)
{
    public string File { get; } = file;
}
