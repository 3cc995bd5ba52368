using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Tests.Support;
using static CloudLink.Tests.Agent.CommandLineTests;

namespace CloudLink.Tests.Agent;

/// <summary>'config get' and 'config set' through the real executable.</summary>
public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Config_set_edits_in_place_and_config_get_prints_the_value()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);
        const string original = "# keep\r\n[app]\r\nverbose = false # why\r\n";
        await File.WriteAllTextAsync(config, original);

        var (setCode, setOutput, _) = await RunAgentAsync("--config", config, "config", "set", "app.verbose", "true");
        var (getCode, getOutput, _) = await RunAgentAsync("--config", config, "config", "get", "app.verbose");

        Assert.Equal((0, 0), (setCode, getCode));
        Assert.Contains("app.verbose = true (was false)", setOutput, StringComparison.Ordinal);
        Assert.Equal("true", getOutput.Trim());
        Assert.Equal("# keep\r\n[app]\r\nverbose = true # why\r\n", await File.ReadAllTextAsync(config));
    }

    [Fact]
    public async Task Config_set_refuses_an_invalid_value_with_the_reason_and_exit_code_3()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);
        await File.WriteAllTextAsync(config, "[csv]\nscanSeconds = 2\n");

        var (code, _, error) = await RunAgentAsync("--config", config, "config", "set", "csv.scanSeconds", "0");

        Assert.Equal(3, code);
        Assert.Contains("csv.scanSeconds", error, StringComparison.Ordinal);
        Assert.Contains("from 0.05 to 86400", error, StringComparison.Ordinal);
        Assert.Equal("[csv]\nscanSeconds = 2\n", await File.ReadAllTextAsync(config));
    }

    [Fact]
    public async Task Config_set_with_string_forces_text_and_creates_a_missing_file()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);

        var (code, _, error) = await RunAgentAsync("--config", config, "config", "set", "app.name", "2024", "--string");

        Assert.Equal(0, code);
        Assert.Contains("Created", error, StringComparison.Ordinal);
        Assert.Equal("2024", ConfigLoader.Load(new InstancePaths(config)).Name);
    }

    [Fact]
    public async Task Config_get_of_an_unset_key_prints_the_default_and_says_so()
    {
        using var folder = new TempFolder();
        var config = folder.Combine(InstancePaths.ConfigFileName);
        await File.WriteAllTextAsync(config, "[app]\n");

        var (code, output, error) = await RunAgentAsync("--config", config, "config", "get", "cloud.url");

        Assert.Equal(0, code);
        Assert.Equal("https://www.injixo.com", output.Trim());
        Assert.Contains("default", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_help_lists_every_key()
    {
        var (code, output, _) = await RunAgentAsync("config", "--help");

        Assert.Equal(0, code);
        foreach (var key in ConfigSchema.Keys)
        {
            Assert.Contains(key.Path, output, StringComparison.Ordinal);
        }
    }
}
