using System.Net;
using System.Net.Http.Json;
using System.Text;
using CloudLink.Core.Cloud;
using CloudLink.Protocol;
using CloudLink.Tests.Agent;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.CsvCheck;

/// <summary>
/// The CSV settings set on the integration in the real cloud, the real agent checking a file with
/// them before it sends it, and the check kept beside the file: in the log, in 'status' and in the cloud.
/// </summary>
public sealed class CsvCheckImportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_file_the_cloud_would_refuse_is_sent_unchanged_with_its_check_in_the_log_status_and_cloud()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD export");
        await cloud.People.SetCsvAsync(integration.Id, new CsvSettingsInfo { DataType = "interval", Delimiter = ";", Encoding = "windows-1252" });
        using var instance = new AgentInstance(cloud.BaseAddress, 0.3, 0.2);
        await using var agent = instance.StartInProcess();
        await instance.PairAsync(cloud, integration.Id);
        var content = Encoding.Latin1.GetBytes("queueidentifier;queuename;timestamp;offered;answered;handlingtime;channel\r\n" +
            "q1;Bücher;2026-12-01 08:15;12;10;300;calls\r\nq2;Kasse;2026-12-01 08:30;zwölf;1;1;fax\r\n");
        instance.Drop("acd.csv", content);

        ReceivedFileInfo? received = null;
        await Eventually.TrueAsync(async () => (received = (await cloud.People.ReceivedAsync(integration.Id)).SingleOrDefault())?.Check is not null, Wait, "the file and its check in the cloud");

        Assert.Equal(content, await cloud.People.ContentAsync(received!.Id));
        var check = received.Check!;
        Assert.True(check.Refused);
        Assert.Equal((2L, 2L, "windows-1252"), (check.Rows, check.ProblemCount, check.Encoding));
        Assert.Equal([(3L, "offered", "zwölf"), (3L, "channel", "fax")], check.Problems.Select(p => (p.Line, p.ColumnName!, p.Value!)));
        Assert.Contains("acd.csv:3: 'zwölf' in column 4 (offered) is not a number", instance.LogText(), StringComparison.Ordinal);

        var status = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "status");
        Assert.Contains("Last check:     acd.csv", status.Output, StringComparison.Ordinal);
        Assert.Contains("the cloud would refuse 2 thing(s); sent as it is", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_gets_the_settings_and_a_file_it_accepts_is_reported_ok()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("Agent status export");
        var settings = new CsvSettingsInfo { DataType = "agentstatus", Delimiter = "tab", TimestampFormat = "dd.MM.yyyy HH:mm", Encoding = "utf-8" };
        await cloud.People.SetCsvAsync(integration.Id, settings);
        var stored = (await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}", ProtocolJson.Default.IntegrationInfo))!.Csv!;
        Assert.Equal(("agentstatus", "tab", "dd.MM.yyyy HH:mm"), (stored.DataType, stored.Delimiter, stored.TimestampFormat));
        using var instance = new AgentInstance(cloud.BaseAddress, 0.3, 0.2);
        await using var agent = instance.StartInProcess();
        await instance.PairAsync(cloud, integration.Id);
        instance.Drop("status.csv", "agentidentifier\tstarttime\tendtime\tactivity\na1\t01.12.2026 08:15\t\tTalk\n");

        ReceivedFileInfo? received = null;
        await Eventually.TrueAsync(async () => (received = (await cloud.People.ReceivedAsync(integration.Id)).SingleOrDefault())?.Check is not null, Wait, "the file and its check");

        Assert.False(received!.Check!.Refused);
        Assert.Equal(("tab", 1L), (received.Check.Delimiter, received.Check.Rows));
        Assert.Contains("status.csv: checked, 1 rows as the integration expects (agentstatus, delimiter tab, utf-8)", instance.LogText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"dataType\":\"calls\"}", "dataType must be one of interval, contact, agentstatus.")]
    [InlineData("{\"delimiter\":\"|\"}", "delimiter must be one of ; , tab or detect.")]
    [InlineData("{\"timestampFormat\":\"HH:mm\"}", "does not hold a full date")]
    [InlineData("{\"encoding\":\"utf-16\"}", "encoding must be one of")]
    public async Task Settings_the_check_cannot_use_are_refused_with_the_fix(string body, string message)
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD export");

        var response = await cloud.Http.PutAsync($"{PeopleRoutes.Integrations}/{integration.Id}/csv", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_settings_belong_to_csv_integrations_of_the_account_and_checks_to_the_agents_own_files()
    {
        await using var cloud = await CloudServer.StartAsync();
        var database = await cloud.People.CreateIntegrationAsync("ACD database", IntegrationTypes.Database);
        var other = cloud.CreateAccount("other");
        var theirs = await other.People.CreateIntegrationAsync("Their export");

        Assert.Equal(HttpStatusCode.NotFound, (await cloud.People.PutCsvAsync(database.Id, new CsvSettingsInfo())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.People.PutCsvAsync(theirs.Id, new CsvSettingsInfo())).StatusCode);

        using var ours = new WireAgent(cloud.BaseAddress);
        await ours.PairAsync(cloud.Account, (await cloud.People.CreateIntegrationAsync("Ours")).Id);
        using var stranger = new WireAgent(cloud.BaseAddress);
        await stranger.PairAsync(other, theirs.Id);
        var theirFile = await stranger.UploadFileAsync("theirs.csv", "a;b\n1;2\n");
        var report = new CsvCheckReport { DataType = "interval", Delimiter = ";", Encoding = "utf-8", Rows = 1 };

        var refused = await Assert.ThrowsAsync<CloudException>(() => ours.ReportCheckAsync(theirFile.FileId, report));
        Assert.Contains($"no received file {theirFile.FileId}", refused.Message, StringComparison.Ordinal);
        var invalid = await Assert.ThrowsAsync<CloudException>(() => stranger.ReportCheckAsync(theirFile.FileId, new CsvCheckReport { Refused = true, DataType = "interval", Delimiter = ";", Encoding = "utf-8" }));
        Assert.Contains("refused must be true exactly when problems were found", invalid.Message, StringComparison.Ordinal);
        await stranger.ReportCheckAsync(theirFile.FileId, report);
        Assert.False(Assert.Single(await other.People.ReceivedAsync(theirs.Id)).Check!.Refused);
    }
}
