using CloudLink.Tests.Support;

namespace CloudLink.Tests.Toml;

/// <summary>
/// The files of toml-test for TOML 1.1.0 (the version the config is read as), one test case each,
/// and the valid files of the 1.0.0 list too: every TOML 1.0 file stays readable.
/// </summary>
public static class TomlTestCases
{
    private const string Current = "files-toml-1.1.0";
    private const string Previous = "files-toml-1.0.0";

    public static TheoryData<string> Valid() => Cases("valid/", Current, Previous);

    public static TheoryData<string> Invalid() => Cases("invalid/", Current);

    /// <summary>The valid files' full paths (none where the suite is missing).</summary>
    public static IEnumerable<string> ValidFiles() =>
        RepositoryPaths.TomlTest is null ? [] : Files("valid/", Current, Previous).Select(FullPath);

    public static string FullPath(string relative) => Path.Combine(RepositoryPaths.TomlTest!, "tests", relative);

    private static TheoryData<string> Cases(string prefix, params string[] lists)
    {
        var data = new TheoryData<string>();
        if (RepositoryPaths.TomlTest is null)
        {
            data.Add("(toml-test missing)");
            return data;
        }

        foreach (var file in Files(prefix, lists))
        {
            data.Add(file);
        }

        return data;
    }

    private static IEnumerable<string> Files(string prefix, params string[] lists) =>
        lists.SelectMany(list => File.ReadAllLines(Path.Combine(RepositoryPaths.TomlTest!, "tests", list)))
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith(".toml", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
}
