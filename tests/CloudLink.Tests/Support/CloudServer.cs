using System.Net.Http.Headers;
using CloudLink.Cloud;
using CloudLink.Cloud.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CloudLink.Tests.Support;

/// <summary>
/// The real reference cloud, listening on 127.0.0.1 over HTTP with its SQLite file (or a
/// PostgreSQL database) and its blobs in a temp folder. It can be stopped and started again on the
/// same port with the same data. At its first start it creates an account whose API token
/// <see cref="Http"/> (and so <see cref="People"/>) carries; <see cref="Anonymous"/> carries none.
/// </summary>
public sealed class CloudServer : IAsyncDisposable
{
    private readonly TempFolder _data = new("cloudlink-cloud");
    private readonly TimeProvider? _time;
    private readonly string[] _settings;
    private WebApplication? _app;

    private CloudServer(TimeProvider? time, string[] settings)
    {
        _time = time;
        _settings = settings;
    }

    /// <summary>The password of every account the tests create.</summary>
    public const string Password = "correct horse battery staple";

    private Func<HttpMessageHandler> _handler = () => new HttpClientHandler();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client signed in (by API token) as <see cref="Account"/>.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A client without any credential.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public TestAccount Account { get; private set; } = null!;

    public PeopleApi People => new(Http);

    /// <summary>The running cloud's services, to look at its stores directly.</summary>
    public IServiceProvider Services => _app!.Services;

    public string DataDirectory => _data.Path;

    /// <summary>Where the cloud keeps its records: "SQLite" or "PostgreSQL".</summary>
    public string Engine => _app!.Services.GetRequiredService<CloudLink.Cloud.Storage.CloudDatabase>().Engine;

    /// <summary>Starts a cloud on a free loopback port; <paramref name="settings"/> are extra "--Cloud:Key=value" arguments.</summary>
    public static async Task<CloudServer> StartAsync(TimeProvider? time = null, params string[] settings)
    {
        var server = new CloudServer(time, settings);
        await server.StartOnAsync("http://127.0.0.1:0");
        server.BaseAddress = new Uri(CloudApp.BoundAddress(server._app!));
        server.SignIn();
        return server;
    }

    /// <summary>Starts a cloud that keeps its records in a fresh database of the test PostgreSQL server instead of SQLite.</summary>
    public static Task<CloudServer> StartOnPostgreSqlAsync() =>
        StartAsync(null, $"--Cloud:PostgreSql={Odbc.PostgreSqlServer.NpgsqlConnectionString(Odbc.PostgreSqlServer.CreateDatabase())}");

    /// <summary>Starts a cloud serving HTTPS on a free loopback port with a certificate of <paramref name="certificates"/>' authority.</summary>
    public static async Task<CloudServer> StartHttpsAsync(TestCertificates certificates, string? serverPfx = null)
    {
        var server = new CloudServer(null, [$"--Kestrel:Certificates:Default:Path={serverPfx ?? certificates.ServerPfx()}", $"--Kestrel:Certificates:Default:Password={TestCertificates.Password}"]);
        await server.StartOnAsync("https://127.0.0.1:0");
        server.BaseAddress = new Uri(CloudApp.BoundAddress(server._app!));
        var trust = CloudLink.Core.Cloud.CloudTrust.Load(certificates.AuthorityPem);
        server._handler = () => new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors) };
        server.SignIn();
        return server;
    }

    /// <summary>Creates another account (a tenant of its own) with a user, a password and an API token.</summary>
    public TestAccount CreateAccount(string name)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}@cloudlink.test";
        var (user, _) = Services.GetRequiredService<AccountStore>().CreateAccount(name, email, Password);
        var token = Services.GetRequiredService<ApiTokenStore>().Create(user.UserId, "tests").Token;
        return new TestAccount(user, token, Client(token));
    }

    /// <summary>A client of this cloud that sends <paramref name="token"/> (or no credential).</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient(_handler()) { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private void SignIn()
    {
        Account = CreateAccount("Test account");
        Http = Account.Http;
        Anonymous = Client();
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Starts the cloud again on the same port with the same database and blobs.</summary>
    public Task RestartAsync() => StartOnAsync(BaseAddress.GetLeftPart(UriPartial.Authority));

    private async Task StartOnAsync(string url)
    {
        string[] args = ["--urls", url, $"--Cloud:DataDirectory={_data.Path}", "--Logging:LogLevel:Default=Warning", .. _settings];
        _app = CloudApp.Build(args, services =>
        {
            if (_time is not null)
            {
                services.AddSingleton(_time);
            }
        });
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http?.Dispose();
        Anonymous?.Dispose();
        _data.Dispose();
    }
}
