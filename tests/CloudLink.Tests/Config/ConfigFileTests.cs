using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Config;

/// <summary>config get/set through the core: typed values, comments kept, invalid values refused.</summary>
public sealed class ConfigFileTests
{
    private const string Original = "# my instance\n[app]\nname = \"com.injixo.cloud-link\"  # keep me\nverbose = false\n\n[cloud]\nurl = \"https://www.injixo.com\"\n";

    private static InstancePaths Instance(TempFolder folder, string? text = Original)
    {
        var paths = new InstancePaths(folder.Combine(InstancePaths.ConfigFileName));
        if (text is not null)
        {
            File.WriteAllText(paths.ConfigFile, text);
        }

        return paths;
    }

    [Fact]
    public void Set_changes_only_the_value_and_keeps_comments()
    {
        using var folder = new TempFolder();
        var paths = Instance(folder);

        var change = ConfigFile.Set(paths, "app.verbose", true);

        Assert.Equal(Original.Replace("verbose = false", "verbose = true", StringComparison.Ordinal), File.ReadAllText(paths.ConfigFile));
        Assert.Equal((false, true, false), (change.OldValue, change.NewValue, change.CreatedFile));
    }

    [Fact]
    public void A_value_that_would_make_the_config_invalid_is_refused_and_the_file_is_untouched()
    {
        using var folder = new TempFolder();
        var paths = Instance(folder);

        var error = Assert.Throws<ConfigException>(() => ConfigFile.Set(paths, "cloud.url", "not a url"));

        Assert.Contains("not changed", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a web address", error.Message, StringComparison.Ordinal);
        Assert.Equal(Original, File.ReadAllText(paths.ConfigFile));
    }

    [Fact]
    public void An_edit_of_a_file_that_was_invalid_before_names_the_old_problem_not_the_new_value()
    {
        using var folder = new TempFolder();
        var broken = Original + "\n[database]\ntype = \"odbc\"\n";
        var paths = Instance(folder, broken);

        var error = Assert.Throws<ConfigException>(() => ConfigFile.Set(paths, "app.verbose", true));

        Assert.Contains("the file was invalid before this edit: database.connection: this is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix database.connection first ('injixo-cloud-link config set database.connection VALUE'), then set app.verbose.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("new value", error.Message, StringComparison.Ordinal);
        Assert.Equal(broken, File.ReadAllText(paths.ConfigFile));

        // The edit that mends it is taken.
        ConfigFile.Set(paths, "database.connection", "DSN=acd");
        Assert.Contains("connection = \"DSN=acd\"", File.ReadAllText(paths.ConfigFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_the_hint_to_force_a_string()
    {
        using var folder = new TempFolder();
        var paths = Instance(folder);

        var error = Assert.Throws<ConfigException>(() => ConfigFile.Set(paths, "app.name", ConfigFile.ParseValue("123", forceString: false)));

        Assert.Contains("--string", error.Message, StringComparison.Ordinal);
        ConfigFile.Set(paths, "app.name", ConfigFile.ParseValue("123", forceString: true));
        Assert.Equal(("123", false), ConfigFile.Get(paths, "app.name"));
    }

    [Fact]
    public void An_unknown_key_is_refused_with_a_suggestion()
    {
        using var folder = new TempFolder();
        var paths = Instance(folder);

        var error = Assert.Throws<ConfigException>(() => ConfigFile.Set(paths, "app.verbos", true));

        Assert.Contains("did you mean 'app.verbose'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_created_from_the_commented_default()
    {
        using var folder = new TempFolder();
        var paths = Instance(folder, text: null);

        var change = ConfigFile.Set(paths, "csv.settleSeconds", 10L);

        Assert.True(change.CreatedFile);
        var text = File.ReadAllText(paths.ConfigFile);
        Assert.Equal(ConfigLoader.DefaultText().Replace("settleSeconds = 5", "settleSeconds = 10", StringComparison.Ordinal), text);
        Assert.Equal(TimeSpan.FromSeconds(10), ConfigLoader.Load(paths).SettleTime);
    }

    [Fact]
    public void Get_reports_defaults_for_keys_the_file_does_not_set()
    {
        using var folder = new TempFolder();
        var paths = Instance(folder);

        Assert.Equal((5L, true), ConfigFile.Get(paths, "csv.settleSeconds"));
        Assert.Equal(("https://www.injixo.com", false), ConfigFile.Get(paths, "cloud.url"));
    }

    [Theory]
    [InlineData("true", false, true)]
    [InlineData("false", false, false)]
    [InlineData("42", false, 42L)]
    [InlineData("-7", false, -7L)]
    [InlineData("0.5", false, 0.5)]
    [InlineData("c:\\import", false, "c:\\import")]
    [InlineData("1.2.3", false, "1.2.3")]
    [InlineData("true", true, "true")]
    [InlineData("42", true, "42")]
    public void Command_line_values_are_typed(string text, bool forceString, object expected)
    {
        Assert.Equal(expected, ConfigFile.ParseValue(text, forceString));
    }

    [Fact]
    public void A_windows_path_set_by_tool_reads_back_as_that_path()
    {
        using var folder = new TempFolder();
        var paths = Instance(folder);

        ConfigFile.Set(paths, "app.importDirectory", @"c:\import");

        Assert.Contains("importDirectory = \"c:\\\\import\"\n", File.ReadAllText(paths.ConfigFile), StringComparison.Ordinal);
        Assert.Equal((@"c:\import", false), ConfigFile.Get(paths, "app.importDirectory"));
    }

    [Fact]
    public void The_file_keeps_its_permissions_across_an_edit()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var paths = Instance(folder);
        File.SetUnixFileMode(paths.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        ConfigFile.Set(paths, "app.verbose", true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(paths.ConfigFile));
    }
}
