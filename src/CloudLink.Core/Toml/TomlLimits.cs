namespace CloudLink.Core.Toml;

/// <summary>Bounds that keep hostile input from exhausting the stack or memory.</summary>
public static class TomlLimits
{
    /// <summary>Largest document accepted, in bytes. Config files are a few kilobytes.</summary>
    public const int MaxDocumentBytes = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of arrays and inline tables, and most parts in one dotted key.</summary>
    public const int MaxDepth = 128;
}
