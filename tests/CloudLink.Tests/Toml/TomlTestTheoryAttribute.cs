using CloudLink.Tests.Support;

namespace CloudLink.Tests.Toml;

/// <summary>A theory over the toml-test files, reported as skipped (with the reason) where the suite is not present.</summary>
public sealed class TomlTestTheoryAttribute : TheoryAttribute
{
    public TomlTestTheoryAttribute()
    {
        if (RepositoryPaths.TomlTest is null)
        {
            Skip = "toml-test not found: set TOML_TEST_DIR or place it at ../shared/toml-test beside the repository.";
        }
    }
}
