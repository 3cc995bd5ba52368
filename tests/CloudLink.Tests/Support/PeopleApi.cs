using System.Net;
using System.Net.Http.Json;
using CloudLink.Protocol;

namespace CloudLink.Tests.Support;

/// <summary>What a person does on the integrations page, through the cloud's people-side API over HTTP.</summary>
public sealed class PeopleApi(HttpClient http)
{
    public async Task<IntegrationInfo> CreateIntegrationAsync(string name, string type = IntegrationTypes.Csv)
    {
        var response = await http.PostAsJsonAsync(PeopleRoutes.Integrations, new CreateIntegrationRequest { Name = name, Type = type }, ProtocolJson.Default.CreateIntegrationRequest);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.IntegrationInfo))!;
    }

    public Task<HttpResponseMessage> ConnectAsync(long integrationId, string pin) =>
        http.PostAsJsonAsync($"{PeopleRoutes.Integrations}/{integrationId}/connect", new PinRequest { Pin = pin }, ProtocolJson.Default.PinRequest);

    public Task<HttpResponseMessage> PreviewAsync(long integrationId, string pin) =>
        http.PostAsJsonAsync($"{PeopleRoutes.Integrations}/{integrationId}/pin-preview", new PinRequest { Pin = pin }, ProtocolJson.Default.PinRequest);

    public async Task<AgentInfo> ConnectOkAsync(long integrationId, string pin)
    {
        var response = await ConnectAsync(integrationId, pin);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"connect answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.AgentInfo))!;
    }

    public async Task PauseAsync(long integrationId, bool paused) =>
        (await http.PostAsync($"{PeopleRoutes.Integrations}/{integrationId}/{(paused ? "pause" : "resume")}", null)).EnsureSuccessStatusCode();

    public async Task DeleteIntegrationAsync(long integrationId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"{PeopleRoutes.Integrations}/{integrationId}")).StatusCode);

    public async Task RevokeAgentAsync(long agentId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"{PeopleRoutes.Agents}/{agentId}")).StatusCode);

    public async Task<List<AgentInfo>> AgentsAsync(long integrationId) =>
        (await http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integrationId}/agents", ProtocolJson.Default.ListAgentInfo))!;

    public async Task<List<ReceivedFileInfo>> ReceivedAsync(long? integrationId = null) =>
        (await http.GetFromJsonAsync(
            PeopleRoutes.Received + (integrationId is null ? "" : $"?integrationId={integrationId}"),
            ProtocolJson.Default.ListReceivedFileInfo))!;

    public async Task SetDatabaseAsync(long integrationId, DatabaseSettingsInfo settings)
    {
        var response = await http.PutAsJsonAsync($"{PeopleRoutes.Integrations}/{integrationId}/database", settings, ProtocolJson.Default.DatabaseSettingsInfo);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> PutCsvAsync(long integrationId, CsvSettingsInfo settings) =>
        http.PutAsJsonAsync($"{PeopleRoutes.Integrations}/{integrationId}/csv", settings, ProtocolJson.Default.CsvSettingsInfo);

    public async Task SetCsvAsync(long integrationId, CsvSettingsInfo settings)
    {
        var response = await PutCsvAsync(integrationId, settings);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Windows received: every version, or the latest of each window key.</summary>
    public async Task<List<ReceivedWindowInfo>> WindowsAsync(long integrationId, bool latest) =>
        (await http.GetFromJsonAsync($"{PeopleRoutes.ReceivedWindows}?integrationId={integrationId}&latest={latest}", ProtocolJson.Default.ListReceivedWindowInfo))!;

    public async Task<UploadMetricsInfo> UploadMetricsAsync() =>
        (await http.GetFromJsonAsync(PeopleRoutes.UploadMetrics, ProtocolJson.Default.UploadMetricsInfo))!;

    public Task<string> WindowContentAsync(long windowId) => http.GetStringAsync($"{PeopleRoutes.ReceivedWindows}/{windowId}/content");

    /// <summary>The data rows (without header) of the latest version of every window, as field arrays.</summary>
    public async Task<List<string[]>> LatestRowsAsync(long integrationId)
    {
        var rows = new List<string[]>();
        foreach (var window in await WindowsAsync(integrationId, latest: true))
        {
            var lines = (await WindowContentAsync(window.Id)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            rows.AddRange(lines.Skip(1).Select(line => line.Split(',')));
        }

        return rows;
    }

    public Task<byte[]> ContentAsync(long receivedFileId) =>
        http.GetByteArrayAsync($"{PeopleRoutes.Received}/{receivedFileId}/content");
}
