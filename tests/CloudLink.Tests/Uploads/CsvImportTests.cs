using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Uploads;

/// <summary>CSV folder imports from a real folder to the real reference cloud over HTTP.</summary>
public sealed class CsvImportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_csv_file_arrives_byte_identical_and_the_user_file_is_left_untouched()
    {
        await using var linked = await LinkedAgent.StartAsync();
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);
        var content = Encoding.Latin1.GetBytes("queue;offered;answered\r\n\"Sales; Nord\";12;10\r\nSupport;\"line\nbreak\";ü\r\n");
        var path = Path.Combine(instance.ImportFolder, "contacts 2026-11-21.csv");
        await File.WriteAllBytesAsync(path, content);
        var modified = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, modified);

        var received = Assert.Single(await linked.ReceivedAtLeastAsync(1));

        Assert.Equal("contacts 2026-11-21.csv", received.FileName);
        Assert.Equal(content.Length, received.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), received.Sha256);
        Assert.Equal(content, await cloud.People.ContentAsync(received.Id));
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task The_same_content_under_another_name_is_not_imported_again_but_new_content_under_the_same_name_is()
    {
        await using var linked = await LinkedAgent.StartAsync();
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);

        instance.Drop("monday.csv", "q;n\na;1\n");
        await linked.ReceivedAtLeastAsync(1);
        instance.Drop("monday copy.CSV", "q;n\na;1\n");
        await Eventually.TrueAsync(() => instance.LogText().Contains("monday copy.CSV has the same content", StringComparison.Ordinal), Wait, "the duplicate to be recognised");
        instance.Drop("monday.csv", "q;n\na;2\n");
        var received = await linked.ReceivedAtLeastAsync(2);

        Assert.Equal(["monday.csv", "monday.csv"], received.Select(file => file.FileName));
        Assert.Equal("q;n\na;2\n", Encoding.UTF8.GetString(await cloud.People.ContentAsync(received[1].Id)));
        Assert.Equal(2, (await cloud.People.ReceivedAsync(integration.Id)).Count);
    }

    [Fact]
    public async Task Only_csv_files_are_imported_whatever_the_case_of_the_extension()
    {
        await using var linked = await LinkedAgent.StartAsync();
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);

        instance.Drop("notes.txt", "not data");
        instance.Drop("export.csv.bak", "old");
        instance.Drop("UPPER.CSV", "a;b\n");
        instance.Drop("lower.csv", "c;d\n");

        var received = await linked.ReceivedAtLeastAsync(2);
        await Task.Delay(1000);
        Assert.Equal(["UPPER.CSV", "lower.csv"], (await cloud.People.ReceivedAsync(integration.Id)).Select(file => file.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task A_file_still_being_written_is_uploaded_only_once_it_is_complete()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 1.5);
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);
        var path = Path.Combine(instance.ImportFolder, "growing.csv");
        var expected = new StringBuilder("queue;offered\n");

        await using (var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            for (var chunk = 0; chunk < 12; chunk++)
            {
                var line = $"q{chunk};{chunk}\n";
                expected.Append(line);
                var bytes = Encoding.UTF8.GetBytes(chunk == 0 ? "queue;offered\n" + line : line);
                await writer.WriteAsync(bytes);
                await writer.FlushAsync();
                await Task.Delay(300);
                Assert.Empty(await cloud.People.ReceivedAsync(integration.Id));
            }
        }

        var received = Assert.Single(await linked.ReceivedAtLeastAsync(1));
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(await cloud.People.ContentAsync(received.Id)));
    }

    [Fact]
    public async Task Nothing_is_imported_while_the_integration_is_paused_and_the_gap_follows_on_resume()
    {
        await using var linked = await LinkedAgent.StartAsync();
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);

        await cloud.People.PauseAsync(integration.Id, paused: true);
        await Eventually.TrueAsync(() => instance.LogText().Contains("paused", StringComparison.Ordinal), Wait, "the agent to see the pause");
        instance.Drop("while-paused.csv", "a;1\n");
        await Task.Delay(2000);
        Assert.Empty(await cloud.People.ReceivedAsync(integration.Id));

        await cloud.People.PauseAsync(integration.Id, paused: false);
        Assert.Equal("while-paused.csv", Assert.Single(await linked.ReceivedAtLeastAsync(1)).FileName);
    }

    [Fact]
    public async Task The_cloud_rejects_a_wrong_checksum_and_answers_a_repeated_upload_as_duplicate()
    {
        await using var linked = await LinkedAgent.StartAsync();
        var (cloud, integration, instance) = (linked.Cloud, linked.Integration, linked.Instance);
        var secret = instance.Credentials()!.Secret;
        var content = Encoding.UTF8.GetBytes("a;b\n1;2\n");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        using var http = new HttpClient { BaseAddress = cloud.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", secret);

        var wrong = await http.PostAsync($"{AgentRoutes.Files}?name=x.csv&sha256={new string('0', 64)}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(ErrorCodes.ChecksumMismatch, (await wrong.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse))!.Code);

        var first = await http.PostAsync($"{AgentRoutes.Files}?name=x.csv&sha256={sha}", new ByteArrayContent(content));
        var second = await http.PostAsync($"{AgentRoutes.Files}?name=y.csv&sha256={sha}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(UploadStatus.Duplicate, (await second.Content.ReadFromJsonAsync(ProtocolJson.Default.UploadResult))!.Status);
        Assert.Single(await cloud.People.ReceivedAsync(integration.Id));
    }
}
