using CloudLink.Tests.Support;

namespace CloudLink.Tests.Toml;

/// <summary>The files of toml-test that apply to TOML 1.0.0, one test case each.</summary>
public static class TomlTestCases
{
    public static TheoryData<string> Valid() => Cases("valid/");

    public static TheoryData<string> Invalid() => Cases("invalid/");

    public static string FullPath(string relative) => Path.Combine(RepositoryPaths.TomlTest!, "tests", relative);

    private static TheoryData<string> Cases(string prefix)
    {
        var data = new TheoryData<string>();
        var root = RepositoryPaths.TomlTest;
        if (root is null)
        {
            data.Add("(toml-test missing)");
            return data;
        }

        foreach (var line in File.ReadAllLines(Path.Combine(root, "tests", "files-toml-1.0.0")))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith(".toml", StringComparison.Ordinal))
            {
                data.Add(line);
            }
        }

        return data;
    }
}
