namespace CloudLink.Tests.Support;

public static class RepositoryPaths
{
    /// <summary>The folder holding CloudLinkPS.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The toml-test data: TOML_TEST_DIR, or ../shared/toml-test beside the repository; null where neither exists.</summary>
    public static string? TomlTest
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("TOML_TEST_DIR");
            var path = string.IsNullOrEmpty(configured) ? Path.Combine(Root, "..", "shared", "toml-test") : configured;
            return File.Exists(Path.Combine(path, "tests", "files-toml-1.0.0")) ? Path.GetFullPath(path) : null;
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CloudLinkPS.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CloudLinkPS.sln not found above " + AppContext.BaseDirectory);
    }
}
