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
    public void The_shipped_default_config_loads_with_the_documented_defaults()
    {
        using var folder = new TempFolder();
        var config = Load(folder, ConfigLoader.DefaultText());

        Assert.Equal("com.injixo.cloud-link", config.Name);
        Assert.False(config.Verbose);
        Assert.Equal(folder.Path, config.ImportDirectory);
        Assert.Equal(new Uri("https://www.injixo.com"), config.CloudUrl);
        Assert.Empty(config.UnknownKeys);
    }

    [Fact]
    public void ImportDirectory_is_relative_to_the_instance_folder_and_an_escaped_backslash_reads_as_one()
    {
        using var folder = new TempFolder();
        Assert.Equal(Path.Combine(folder.Path, "data", "in"), Load(folder, "[app]\nimportDirectory = \"data/in\"\n").ImportDirectory);

        var windows = Load(folder, "[app]\r\nimportDirectory = \"c:\\\\import\"\r\n");
        Assert.EndsWith(@"c:\import", windows.ImportDirectory, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[app]\nverbose = yes\n", 2, 11, "'yes' is not a value")]
    [InlineData("[app]\nverbose = \"true\"\n", 2, 11, "app.verbose: this must be true or false")]
    [InlineData("[app]\nname = \"a\"\nname = \"b\"\n", 3, 1, "defined twice")]
    [InlineData("[cloud]\nurl = \"www.injixo.com\"\n", 2, 7, "is not a web address")]
    [InlineData("[app]\nimportDirectory = \"c:\\import\"\n", 2, 22, "write a Windows backslash twice")]
    [InlineData("[csv]\nsettleSeconds = -1\n", 2, 17, "number of seconds")]
    public void A_bad_file_is_reported_with_line_column_and_the_fix(string text, int line, int column, string message)
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<ConfigException>(() => Load(folder, text));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(folder.Combine(InstancePaths.ConfigFileName) + $":{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_kept_for_a_warning()
    {
        using var folder = new TempFolder();
        Assert.Equal(["app.verbos"], Load(folder, "[app]\nverbos = true\n").UnknownKeys);
    }
}
