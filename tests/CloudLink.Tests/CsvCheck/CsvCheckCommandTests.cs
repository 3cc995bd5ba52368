using System.Text;
using System.Text.Json;
using CloudLink.Core;
using CloudLink.Protocol;
using CloudLink.Tests.Agent;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.CsvCheck;

/// <summary>'injixo-cloud-link csv check FILE', run as an operator runs it.</summary>
public sealed class CsvCheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("cloudlink-csvcmd");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_file_the_cloud_would_refuse_exits_11_naming_each_line_and_a_good_one_exits_0()
    {
        var bad = _folder.Combine("bad.csv");
        await File.WriteAllTextAsync(bad, "queueidentifier,timestamp,answered,duration\nq1,2026-12-01 08:15,yes,\nq2,1.12.2026,1,abc\n");
        var good = _folder.Combine("good.csv");
        await File.WriteAllTextAsync(good, "queueidentifier,queuename,timestamp,answered\nq1,Sales,2026-12-01 08:15,true\n");

        var refused = await CommandLineTests.RunAgentAsync("csv", "check", bad, "--type", "contact");
        var taken = await CommandLineTests.RunAgentAsync("csv", "check", good, "--type", "contact", "--delimiter", ",");

        Assert.Equal(ExitCodes.CsvRefused, refused.ExitCode);
        Assert.Contains("the header lacks the contact column queuename", refused.Output, StringComparison.Ordinal);
        Assert.Contains($"{bad}:2: 'yes' in column 3 (answered) is not a number or true/false.", refused.Output, StringComparison.Ordinal);
        Assert.Contains($"{bad}:3: '1.12.2026' in column 2 (timestamp) is not an ISO 8601 timestamp", refused.Output, StringComparison.Ordinal);
        Assert.Contains($"{bad}:3: 'abc' in column 4 (duration) is not a number", refused.Output, StringComparison.Ordinal);
        Assert.Contains("The cloud would refuse this file: 4 problems.", refused.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, taken.ExitCode);
        Assert.Contains("1 rows, contact, delimiter ,, utf-8", taken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_gives_the_report_the_agent_sends_to_the_cloud()
    {
        var file = _folder.Combine("latin.csv");
        await File.WriteAllBytesAsync(file, Encoding.Latin1.GetBytes("agentidentifier;starttime;endtime;activity\nJosé;2026-12-01 08:15;;Pause\n"));

        var result = await CommandLineTests.RunAgentAsync("csv", "check", file, "--type", "agentstatus", "--encoding", "ISO-8859-1", "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var report = JsonSerializer.Deserialize(result.Output, ProtocolJson.Default.CsvCheckReport)!;
        Assert.Equal(("agentstatus", ";", "iso-8859-1", 1L, false), (report.DataType, report.Delimiter, report.Encoding, report.Rows, report.Refused));
    }

    [Theory]
    [InlineData("--delimiter", "|", "--delimiter must be one of ; , tab or detect.")]
    [InlineData("--type", "calls", "--type must be one of interval, contact, agentstatus.")]
    [InlineData("--timestamp-format", "mm", "--timestamp-format 'mm' does not hold a full date and the hour")]
    public async Task Options_it_cannot_use_and_a_missing_file_are_usage_errors_with_the_fix(string option, string value, string message)
    {
        var file = _folder.Combine("x.csv");
        await File.WriteAllTextAsync(file, "a\n");

        var wrong = await CommandLineTests.RunAgentAsync("csv", "check", file, option, value);
        var missing = await CommandLineTests.RunAgentAsync("csv", "check", _folder.Combine("none.csv"));

        Assert.Equal(ExitCodes.Usage, wrong.ExitCode);
        Assert.Contains(message, wrong.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("none.csv does not exist", missing.Error, StringComparison.Ordinal);
    }
}
