namespace CloudLink.Core.Toml;

internal static class TextPosition
{
    /// <summary>1-based line and column of a character offset in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Of(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
