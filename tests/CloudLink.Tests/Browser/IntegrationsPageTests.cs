using System.Net.Http.Json;
using CloudLink.Protocol;
using CloudLink.Tests.Support;
using Microsoft.Playwright;

namespace CloudLink.Tests.Browser;

/// <summary>
/// The integrations page in a real browser (Debian's Chromium, driven by Playwright) against the
/// real cloud and a real agent process, the whole way a person goes: sign in, add a CSV
/// integration and its CSV settings, enter the agent's PIN and see whose it is, connect, see a
/// dropped file arrive with the agent's check of it,
/// pause and resume, add a database integration with its settings, delete with the confirmation.
/// The PIN and the deletion are done from the keyboard. A failure leaves a screenshot.
/// </summary>
public sealed class IntegrationsPageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [BrowserFact]
    public async Task A_person_goes_through_the_whole_flow_in_Chromium()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        using var agent = instance.StartProcess();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await page.GotoAsync(new Uri(cloud.BaseAddress, PeopleRoutes.Page).ToString());
            await page.GetByLabel("Email").FillAsync(cloud.Account.User.Email);
            await page.GetByLabel("Password").FillAsync(CloudServer.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByText(cloud.Account.User.Email)).ToBeVisibleAsync();

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("ACD export");
            await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("csv");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add integration" }).ClickAsync();
            var csv = page.GetByRole(AriaRole.Region, new() { Name = "ACD export (CSV)" });
            await Assertions.Expect(csv).ToBeVisibleAsync();
            await csv.GetByLabel("Data type", new() { Exact = true }).SelectOptionAsync("interval");
            await csv.GetByLabel("Delimiter").SelectOptionAsync(";");
            await csv.GetByLabel("Encoding of files").SelectOptionAsync("windows-1252");
            await csv.GetByRole(AriaRole.Button, new() { Name = "Save CSV settings" }).ClickAsync();
            csv = page.GetByRole(AriaRole.Region, new() { Name = "ACD export (CSV)" });
            await Assertions.Expect(csv.GetByText("The agent checks every file against these settings")).ToBeVisibleAsync();

            var pin = await Eventually.GetAsync(() => Task.FromResult(new CloudLink.Core.State.PinStore(instance.Paths).Load()), Wait, "the agent's PIN");
            var pinField = csv.GetByLabel("PIN shown by the agent");
            await pinField.FillAsync(pin.Pin);
            await csv.GetByRole(AriaRole.Button, new() { Name = "Check PIN" }).ClickAsync();
            await Assertions.Expect(csv.GetByText($"PIN of com.injixo.cloud-link on {Environment.MachineName}")).ToBeVisibleAsync();
            // Connect has the focus after the check: Enter connects.
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "ACD export (CSV)" }).GetByText("Connected installation")).ToBeVisibleAsync();
            await Eventually.TrueAsync(() => instance.Credentials() is { Linked: true }, Wait, "the agent to store its link");

            instance.Drop("contacts-2026-12-01.csv", "queueidentifier;queuename;timestamp;offered;answered;handlingtime;channel\r\n1;Sales;2026-12-01T08:00:00;12;11;2310;fax\r\n");
            await Eventually.TrueAsync(async () => (await cloud.People.ReceivedAsync()) is [{ Check: not null }], Wait, "the file and its check to arrive");
            await page.ReloadAsync();
            csv = page.GetByRole(AriaRole.Region, new() { Name = "ACD export (CSV)" });
            await Assertions.Expect(csv.GetByText("Files received: 1")).ToBeVisibleAsync();
            await Assertions.Expect(csv.GetByRole(AriaRole.Cell, new() { Name = "contacts-2026-12-01.csv" })).ToBeVisibleAsync();
            await Assertions.Expect(csv.GetByText("1 problem", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(csv.GetByText("line 2: 'fax' in column 7 (channel) is not a channel")).ToBeVisibleAsync();

            await csv.GetByRole(AriaRole.Button, new() { Name = "Pause import" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Paused: nothing is imported.")).ToBeVisibleAsync();
            Assert.True((await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/1", ProtocolJson.Default.IntegrationInfo))!.Paused);
            await page.GetByRole(AriaRole.Button, new() { Name = "Resume import" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Paused: nothing is imported.")).ToHaveCountAsync(0);

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("ACD database");
            await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("database");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add integration" }).ClickAsync();
            var database = page.GetByRole(AriaRole.Region, new() { Name = "ACD database (database)" });
            await database.GetByLabel("Data type", new() { Exact = true }).SelectOptionAsync("agentstatus");
            await database.GetByLabel("SQL query").FillAsync("SELECT agent AS agentidentifier, start AS starttime, stop AS endtime, state AS activity FROM status");
            await database.GetByLabel("Database time zone").FillAsync("Europe/Berlin");
            await database.GetByLabel("Import", new() { Exact = true }).SelectOptionAsync("30");
            await database.GetByLabel("Real time").CheckAsync();
            await database.GetByLabel("The connection stays on the server").UncheckAsync();
            await database.GetByLabel("ODBC connection string").FillAsync("DSN=acd;PWD=Browser-S3cret");
            await database.GetByRole(AriaRole.Button, new() { Name = "Save database settings" }).ClickAsync();
            database = page.GetByRole(AriaRole.Region, new() { Name = "ACD database (database)" });
            await Assertions.Expect(database.GetByText("A connection string is set.")).ToBeVisibleAsync();
            await Assertions.Expect(database.GetByText(cloud.Account.User.Email)).ToBeVisibleAsync();
            Assert.DoesNotContain("Browser-S3cret", await page.ContentAsync(), StringComparison.Ordinal);
            var saved = (await cloud.Http.GetFromJsonAsync(PeopleRoutes.Integrations, ProtocolJson.Default.ListIntegrationInfo))!
                .Single(integration => integration.Name == "ACD database").Database!;
            Assert.Equal(("agentstatus", "Europe/Berlin", 30, true, true), (saved.DataType, saved.TimeZone, saved.IntervalMinutes, saved.RealTime, saved.ConnectionSet));

            await database.GetByRole(AriaRole.Button, new() { Name = "Delete integration" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, really delete" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "ACD database (database)" })).ToHaveCountAsync(0);
            Assert.Equal(["ACD export"], (await cloud.Http.GetFromJsonAsync(PeopleRoutes.Integrations, ProtocolJson.Default.ListIntegrationInfo))!.Select(i => i.Name));
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            var shot = Path.Combine(folder, $"integrations-page-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            Console.Error.WriteLine($"Screenshot of the failing page: {shot}");
            throw;
        }
        finally
        {
            if (!agent.HasExited)
            {
                agent.Kill(entireProcessTree: true);
            }
        }
    }
}
