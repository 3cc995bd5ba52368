using CloudLink.Tests.Support;

namespace CloudLink.Tests.Toml;

/// <summary>The files of toml-test that apply to TOML 1.0.0, one test case each.</summary>
public static class TomlTestCases
{
    public static TheoryData<string> Valid() => Cases("valid/");

    public static TheoryData<string> Invalid() => Cases("invalid/");

    /// <summary>The valid files' full paths (none where the suite is missing).</summary>
    public static IEnumerable<string> ValidFiles() =>
        RepositoryPaths.TomlTest is null ? [] : Files("valid/").Select(FullPath);

    public static string FullPath(string relative) => Path.Combine(RepositoryPaths.TomlTest!, "tests", relative);

    private static TheoryData<string> Cases(string prefix)
    {
        var data = new TheoryData<string>();
        if (RepositoryPaths.TomlTest is null)
        {
            data.Add("(toml-test missing)");
            return data;
        }

        foreach (var file in Files(prefix))
        {
            data.Add(file);
        }

        return data;
    }

    private static IEnumerable<string> Files(string prefix) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.TomlTest!, "tests", "files-toml-1.0.0"))
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith(".toml", StringComparison.Ordinal));
}
