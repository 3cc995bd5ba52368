using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Cloud;

/// <summary>What a browser-borne or network attacker tries: cross-site changes, a foreign Host, reading a stored secret, the data on disk.</summary>
public sealed class WebProtectionTests
{
    [Fact]
    public async Task A_change_with_the_session_cookie_needs_the_antiforgery_token_and_this_origin()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("ACD");
        using var browser = await BrowserSession.SignInAsync(cloud, cloud.Account.User.Email);
        var pause = $"{PeopleRoutes.Integrations}/{integration.Id}/pause";

        var withoutToken = await browser.SendAsync(HttpMethod.Post, pause, withToken: false);
        var fromElsewhere = await browser.SendAsync(HttpMethod.Post, pause, origin: "http://attacker.example");
        // What a cross-site HTML form sends: the cookie (were it not SameSite=Strict), a form body, no header.
        var crossSiteForm = await browser.SendAsync(HttpMethod.Post, pause, withToken: false, origin: "http://attacker.example",
            content: new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));

        foreach (var refused in new[] { withoutToken, fromElsewhere, crossSiteForm })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(ErrorCodes.CrossSiteRefused, (await refused.Content.ReadFromJsonAsync(ProtocolJson.Default.ErrorResponse))!.Code);
        }

        Assert.False((await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}", ProtocolJson.Default.IntegrationInfo))!.Paused);
        var fromThePage = await browser.SendAsync(HttpMethod.Post, pause, origin: cloud.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, fromThePage.StatusCode);
        Assert.True((await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{integration.Id}", ProtocolJson.Default.IntegrationInfo))!.Paused);
    }

    [Fact]
    public async Task Sign_in_without_the_form_token_or_with_a_wrong_password_is_refused()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cloud.BaseAddress };

        var noToken = await http.PostAsync(PeopleRoutes.SignIn, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = cloud.Account.User.Email,
            ["password"] = CloudServer.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Null(noToken.Headers.Location);
        Assert.DoesNotContain(noToken.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(value => value.StartsWith("cloudlink.session", StringComparison.Ordinal)));
        var wrong = await Assert.ThrowsAsync<InvalidOperationException>(() => BrowserSession.SignInAsync(cloud, cloud.Account.User.Email, "wrong password 123"));
        Assert.Contains("401", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_a_foreign_host_name_is_refused()
    {
        await using var cloud = await CloudServer.StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, await RawStatusAsync(cloud.BaseAddress, "rebound.attacker.example"));
        Assert.Equal(HttpStatusCode.OK, await RawStatusAsync(cloud.BaseAddress, cloud.BaseAddress.Authority));
        Assert.Equal(HttpStatusCode.OK, await RawStatusAsync(cloud.BaseAddress, $"localhost:{cloud.BaseAddress.Port}"));
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_the_session_cookie_is_strict()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var browser = await BrowserSession.SignInAsync(cloud, cloud.Account.User.Email);

        foreach (var path in new[] { PeopleRoutes.SignIn, PeopleRoutes.Page, PeopleRoutes.Integrations, "/healthz" })
        {
            var response = await browser.Http.GetAsync(path);
            var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
        }

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = cloud.BaseAddress };
        var page = await http.GetStringAsync(PeopleRoutes.SignIn);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<style>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_TLS_the_cloud_sends_HSTS_and_marks_its_cookies_secure()
    {
        using var certificates = new TestCertificates();
        await using var cloud = await CloudServer.StartHttpsAsync(certificates);

        var response = await cloud.Anonymous.GetAsync(PeopleRoutes.SignIn);

        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("cloudlink.csrf", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_people_side_answer_holds_the_stored_database_password_but_the_agent_gets_it()
    {
        await using var cloud = await CloudServer.StartAsync();
        var objects = await AccountObjects.CreateAsync(cloud, cloud.Account);
        var gets = CloudEndpoint.All(cloud).Where(endpoint => endpoint.IsPeopleSide && endpoint.Method == "GET").ToList();

        var answers = new List<string>();
        foreach (var endpoint in gets)
        {
            var id = endpoint.TakesId ? objects.For(endpoint).Id : 0;
            answers.Add(await cloud.Http.GetStringAsync(endpoint.Path(id)));
            if (endpoint.Pattern is PeopleRoutes.Received or PeopleRoutes.ReceivedWindows)
            {
                answers.Add(await cloud.Http.GetStringAsync($"{endpoint.Pattern}?integrationId={objects.Database.Id}"));
            }
        }

        var update = await cloud.Http.PutAsJsonAsync($"{PeopleRoutes.Integrations}/{objects.Database.Id}/database",
            AccountObjects.Settings("SELECT 3"), ProtocolJson.Default.DatabaseSettingsInfo);
        answers.Add(await update.Content.ReadAsStringAsync());

        Assert.All(answers, answer => Assert.DoesNotContain(AccountObjects.DatabasePassword, answer, StringComparison.Ordinal));
        var listed = (await cloud.Http.GetFromJsonAsync($"{PeopleRoutes.Integrations}/{objects.Database.Id}", ProtocolJson.Default.IntegrationInfo))!.Database!;
        Assert.True(listed.ConnectionSet);
        Assert.Null(listed.Connection);

        // The agent serving the integration does receive the connection string: it needs it to connect.
        using var agent = new WireAgent(cloud.BaseAddress);
        await agent.PairAsync(cloud.Account, objects.Database.Id);
        using var client = new CloudLink.Core.Cloud.CloudClient(cloud.BaseAddress);
        var settings = await client.GetSettingsAsync(agent.Secret, CancellationToken.None);
        Assert.Contains(AccountObjects.DatabasePassword, settings.Database!.Connection, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_data_folder_is_private_and_so_are_the_database_and_every_blob()
    {
        await using var cloud = await CloudServer.StartAsync();
        await AccountObjects.CreateAsync(cloud, cloud.Account);

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(cloud.DataDirectory));
        foreach (var folder in Directory.EnumerateDirectories(cloud.DataDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.GetUnixFileMode(folder) == PrivateFolder, $"{folder} is {File.GetUnixFileMode(folder)}");
        }

        var files = Directory.EnumerateFiles(cloud.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, file => file.EndsWith("cloudlink-cloud.db", StringComparison.Ordinal));
        Assert.True(files.Count(file => file.Contains("blobs", StringComparison.Ordinal)) >= 2, string.Join(", ", files));
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is {File.GetUnixFileMode(file)}");
        }
    }

    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Sends GET /healthz with exactly this Host header (HttpClient would correct it) and gives the status.</summary>
    private static async Task<HttpStatusCode> RawStatusAsync(Uri cloud, string host)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(cloud.Host, cloud.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = (await reader.ReadLineAsync())!.Split(' ')[1];
        return (HttpStatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
    }
}
