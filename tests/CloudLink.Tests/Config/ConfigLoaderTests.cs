using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Config;

public sealed class ConfigLoaderTests
{
    private static AgentConfig Load(TempFolder folder, string text)
    {
        var path = folder.Combine(InstancePaths.ConfigFileName);
        File.WriteAllText(path, text);
        return ConfigLoader.Load(new InstancePaths(path));
    }

    [Fact]
    public void The_shipped_default_config_loads_with_the_documented_defaults_and_no_warnings()
    {
        using var folder = new TempFolder();
        var config = Load(folder, ConfigLoader.DefaultText());

        Assert.Equal("com.injixo.cloud-link", config.Name);
        Assert.False(config.Verbose);
        Assert.Equal(folder.Path, config.ImportDirectory);
        Assert.Equal(new Uri("https://www.injixo.com"), config.CloudUrl);
        Assert.Equal(TimeSpan.FromSeconds(5), config.SettleTime);
        Assert.Equal("auto", config.Language);
        Assert.Equal("information", config.LogLevel);
        Assert.False(config.Database.IsConfigured);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void Every_schema_key_is_in_the_shipped_default_except_driver_and_options()
    {
        using var folder = new TempFolder();
        var document = CloudLink.Core.Toml.TomlDocument.Parse(ConfigLoader.DefaultText());

        var missing = ConfigSchema.Keys.Where(key => document.GetValue(key.Path.Split('.')) is null).Select(key => key.Path);

        Assert.Equal(["database.driver", "database.options"], missing);
    }

    [Fact]
    public void ImportDirectory_is_relative_to_the_instance_folder_and_an_escaped_backslash_reads_as_one()
    {
        using var folder = new TempFolder();
        Assert.Equal(Path.Combine(folder.Path, "data", "in"), Load(folder, "[app]\nimportDirectory = \"data/in\"\n").ImportDirectory);
        Assert.EndsWith(@"c:\import", Load(folder, "[app]\r\nimportDirectory = \"c:\\\\import\"\r\n").ImportDirectory, StringComparison.Ordinal);
        Assert.EndsWith(@"c:\import", Load(folder, "[app]\nimportDirectory = 'c:\\import'\n").ImportDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_section_with_a_convenience_form_is_read()
    {
        using var folder = new TempFolder();
        var config = Load(folder, "[database]\ntype = \"postgresql\"\nhost = \"db1\"\nport = 5432\ndatabase = \"acd\"\nuser = \"wfm\"\npassword = \"s3cret\"\n");

        Assert.Equal(("postgresql", "db1", 5432, "acd", "wfm", "s3cret"),
            (config.Database.Type, config.Database.Host, config.Database.Port, config.Database.Database, config.Database.User, config.Database.Password));
    }

    [Theory]
    [InlineData("[app]\nverbose = yes\n", 2, 11, null, "must be in quotes")]
    [InlineData("[app]\nverbose = \"true\"\n", 2, 11, "app.verbose", "true or false")]
    [InlineData("[app]\nname = \"a\"\nname = \"b\"\n", 3, 1, null, "defined twice")]
    [InlineData("[cloud]\nurl = \"www.injixo.com\"\n", 2, 7, "cloud.url", "is not a web address")]
    [InlineData("[app]\nimportDirectory = \"c:\\import\"\n", 2, 22, null, "write a Windows backslash twice")]
    [InlineData("[csv]\nsettleSeconds = -1\n", 2, 17, "csv.settleSeconds", "number of seconds")]
    [InlineData("[database]\nport = 70000\n", 2, 8, "database.port", "from 1 to 65535")]
    [InlineData("[database]\ntype = \"mysql\"\nhost = \"h\"\n", 2, 8, "database.database", "required when database.type is \"mysql\"")]
    [InlineData("[app]\nlanguage = \"it\"\n", 2, 12, "app.language", "auto, en, de, nl, fr or es")]
    [InlineData("app = 1\n", 1, 7, "app", "must be a table")]
    public void A_bad_file_is_reported_with_line_column_key_and_the_fix(string text, int line, int column, string? key, string message)
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<ConfigException>(() => Load(folder, text));

        Assert.Equal((line, column, key), (error.Line, error.Column, error.Key));
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith(folder.Combine(InstancePaths.ConfigFileName) + $":{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_warned_about_with_their_place_and_a_suggestion()
    {
        using var folder = new TempFolder();
        var config = Load(folder, "[app]\nverbos = true\n\n[extra]\nx = 1\n");

        Assert.Equal(2, config.Warnings.Count);
        Assert.Equal(("app.verbos", 2, 1), (config.Warnings[0].Key, config.Warnings[0].Line, config.Warnings[0].Column));
        Assert.Contains("did you mean 'app.verbose'?", config.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal("extra", config.Warnings[1].Key);
    }
}
