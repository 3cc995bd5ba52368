namespace CloudLink.Core.Toml;

/// <summary>Dotted paths as TOML writes keys: app.verbose, or with quoted parts: servers."alpha beta".port.</summary>
public static class TomlPath
{
    public static IReadOnlyList<string> Parse(string dottedPath)
    {
        try
        {
            var document = TomlDocument.Parse(dottedPath + " = 0");
            var entry = document.RootEntries.Count == 1 && document.Sections.Count == 0 ? document.RootEntries[0] : null;
            if (entry is null || entry.LineEnd != dottedPath.Length + 4)
            {
                throw new FormatException();
            }

            return entry.KeyParts;
        }
        catch (Exception e) when (e is TomlException or FormatException)
        {
            throw new ArgumentException($"'{dottedPath}' is not a key path; write it like app.verbose.", nameof(dottedPath), e);
        }
    }
}
