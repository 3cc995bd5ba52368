namespace CloudLink.Core.Toml;

/// <summary>Bounds that keep hostile input from exhausting the stack or memory (Tomlyn itself has no size limit).</summary>
public static class TomlLimits
{
    /// <summary>Largest document accepted, in bytes. Config files are a few kilobytes; Tomlyn takes about 0.6 s per MB of keys.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>Deepest nesting of arrays and inline tables, and most parts in one dotted key.</summary>
    public const int MaxDepth = 64;
}
