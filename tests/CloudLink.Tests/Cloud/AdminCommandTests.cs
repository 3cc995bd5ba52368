using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CloudLink.Protocol;
using CloudLink.Tests.Odbc;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Cloud;

/// <summary>
/// The cloud executable's bootstrap commands, run as a process with the server's own settings
/// against the data of a running cloud: an account with its first user and token, another token,
/// a password read from standard input.
/// </summary>
public sealed class AdminCommandTests
{
    [Fact]
    public async Task Account_create_makes_a_user_whose_token_is_the_last_line_and_whose_piped_password_signs_in()
    {
        await using var cloud = await CloudServer.StartAsync();
        var settings = $"--Cloud:DataDirectory={cloud.DataDirectory}";

        var created = await RunAsync(["account", "create", "Acme Contact Centre", "Admin@Acme.test", settings], "a long enough password\n");

        Assert.Equal(0, created.ExitCode);
        var token = created.Lines[^1];
        Assert.StartsWith("clt_", token, StringComparison.Ordinal);
        Assert.Contains("Created account", created.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a long enough password", created.Output + created.Errors, StringComparison.Ordinal);
        using var client = cloud.Client(token);
        var session = await client.GetFromJsonAsync(PeopleRoutes.Session, ProtocolJson.Default.SessionInfo);
        Assert.Equal(("admin@acme.test", "Acme Contact Centre"), (session!.Email, session.AccountName));
        Assert.Null(session.CsrfToken);
        using var browser = await BrowserSession.SignInAsync(cloud, "admin@acme.test", "a long enough password");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync(PeopleRoutes.Integrations)).StatusCode);

        var another = await RunAsync(["token", "create", "admin@acme.test", "--name", "fleet runbook", settings]);
        Assert.Equal(0, another.ExitCode);
        Assert.NotEqual(token, another.Lines[^1]);
        using var second = cloud.Client(another.Lines[^1]);
        var tokens = await second.GetFromJsonAsync(PeopleRoutes.Tokens, ProtocolJson.Default.ListApiTokenInfo);
        Assert.Equal(["cloudlink-cloud", "fleet runbook"], tokens!.Select(t => t.Name));
    }

    [Fact]
    public async Task Without_a_piped_password_the_user_has_none_until_user_password_sets_one()
    {
        await using var cloud = await CloudServer.StartAsync();
        var settings = $"--Cloud:DataDirectory={cloud.DataDirectory}";

        var created = await RunAsync(["account", "create", "Acme", "ops@acme.test", settings], "");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("no password yet", created.Output, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BrowserSession.SignInAsync(cloud, "ops@acme.test", ""));

        var tooShort = await RunAsync(["user", "password", "ops@acme.test", settings], "short\n");
        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("at least 10 characters", tooShort.Errors, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(["user", "password", "ops@acme.test", settings], "now a proper password\n")).ExitCode);
        using var browser = await BrowserSession.SignInAsync(cloud, "ops@acme.test", "now a proper password");
    }

    [Fact]
    public async Task Mistakes_are_refused_with_the_reason_and_the_usage()
    {
        await using var cloud = await CloudServer.StartAsync();
        var settings = $"--Cloud:DataDirectory={cloud.DataDirectory}";

        var unknown = await RunAsync(["token", "create", "nobody@acme.test", settings]);
        var twice = await RunAsync(["account", "create", "Again", cloud.Account.User.Email, settings], "");
        var notAnEmail = await RunAsync(["account", "create", "Acme", "not-an-email", settings], "");
        var usage = await RunAsync(["account", settings]);

        Assert.Equal((1, 1, 1, 2), (unknown.ExitCode, twice.ExitCode, notAnEmail.ExitCode, usage.ExitCode));
        Assert.Contains("There is no user with the email nobody@acme.test", unknown.Errors, StringComparison.Ordinal);
        Assert.Contains("exists already", twice.Errors, StringComparison.Ordinal);
        Assert.Contains("is not an email address", notAnEmail.Errors, StringComparison.Ordinal);
        Assert.Contains("usage: cloudlink-cloud account create NAME EMAIL", usage.Errors, StringComparison.Ordinal);
        Assert.Empty(unknown.Output);
    }

    [PostgreSqlFact]
    public async Task Account_create_works_on_the_PostgreSQL_store_of_a_running_cloud()
    {
        var store = $"--Cloud:PostgreSql={PostgreSqlServer.NpgsqlConnectionString(PostgreSqlServer.CreateDatabase())}";
        await using var cloud = await CloudServer.StartAsync(null, store);

        var created = await RunAsync(["account", "create", "Acme", "pg@acme.test", store], "");

        Assert.Equal(0, created.ExitCode);
        using var client = cloud.Client(created.Lines[^1]);
        Assert.Equal("pg@acme.test", (await client.GetFromJsonAsync(PeopleRoutes.Session, ProtocolJson.Default.SessionInfo))!.Email);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_data_folder_made_by_the_command_is_private()
    {
        using var folder = new TempFolder("cloudlink-admin");
        var data = folder.Combine("new", "data");

        Assert.Equal(0, (await RunAsync(["account", "create", "Acme", "a@acme.test", $"--Cloud:DataDirectory={data}"], "")).ExitCode);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "cloudlink-cloud.db")));
    }

    private sealed record Run(int ExitCode, string Output, string Errors)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task<Run> RunAsync(string[] arguments, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "cloudlink-cloud.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await errors);
    }
}
