using System.Diagnostics;
using System.Text.Json;

namespace CloudLink.Tests.Toml;

/// <summary>The decoder interface of toml-test: TOML on stdin, tagged JSON on stdout, exit 1 when invalid.</summary>
public sealed class TomlTestDecoderTests
{
    private static async Task<(int Code, string Output)> DecodeAsync(string toml)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TomlTestDecoder.dll"));
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(toml);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task A_valid_document_is_written_as_tagged_json()
    {
        var (code, output) = await DecodeAsync("a = 1\n[t]\nd = 1979-05-27T07:32:00Z\nf = inf\nl = [\"x\", true]\n");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("integer", json.RootElement.GetProperty("a").GetProperty("type").GetString());
        Assert.Equal("1979-05-27T07:32:00Z", json.RootElement.GetProperty("t").GetProperty("d").GetProperty("value").GetString());
        Assert.Equal("inf", json.RootElement.GetProperty("t").GetProperty("f").GetProperty("value").GetString());
        Assert.Equal("bool", json.RootElement.GetProperty("t").GetProperty("l")[1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_invalid_document_exits_1()
    {
        var (code, _) = await DecodeAsync("a = \n");

        Assert.Equal(1, code);
    }
}
