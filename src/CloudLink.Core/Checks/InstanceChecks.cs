using CloudLink.Core.Cloud;
using CloudLink.Core.Config;
using CloudLink.Core.Connectivity;
using CloudLink.Core.Database;
using CloudLink.Core.Instance;
using CloudLink.Core.Odbc;
using CloudLink.Core.Processes;
using CloudLink.Core.Proxy;
using CloudLink.Core.Secrets;
using CloudLink.Core.Service;
using CloudLink.Core.State;
using CloudLink.Protocol;

namespace CloudLink.Core.Checks;

/// <summary>
/// 'injixo-cloud-link check': everything an instance needs, one result each, with the fix. It
/// changes nothing, and runs no query the operator has not approved (queryApproval = "local").
/// </summary>
public static class InstanceChecks
{
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(15);

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(InstancePaths paths, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        AgentConfig config;
        try
        {
            config = ConfigLoader.Load(paths);
            results.Add(CheckResult.Ok("config", $"{paths.ConfigFile} is valid."));
        }
        catch (ConfigException e)
        {
            results.Add(CheckResult.Failed("config", e.Message, "Correct the config at the line and column named; 'injixo-cloud-link config --help' lists every key."));
            results.Add(CheckResult.Skipped("the rest", "Every other check needs a valid config."));
            return Named(paths.Folder, results);
        }

        results.Add(Files(paths));
        results.Add(ImportFolder(config));
        var (proxyResult, proxy) = Proxy();
        results.Add(proxyResult);
        results.Add(await CloudAsync(config, proxy, cancellationToken));
        var credentials = Link(paths, config, results);
        var settings = credentials is null ? null : await SettingsAsync(config, proxy, credentials, results, cancellationToken);
        results.Add(Database(config));
        results.AddRange(Query(paths, config, settings, results));
        results.Add(Service(paths));
        return Named(config.Name, results);
    }

    /// <summary>Every result names its instance (app.name; the folder when the config cannot be read), for the cmdlet's objects.</summary>
    private static List<CheckResult> Named(string name, List<CheckResult> results)
    {
        foreach (var result in results)
        {
            result.Instance = name;
        }

        return results;
    }

    private static CheckResult Files(InstancePaths paths)
    {
        var findings = InstanceFileSafety.Check(paths);
        var fatal = findings.FirstOrDefault(finding => finding.Fatal);
        if (fatal is not null)
        {
            return CheckResult.Failed("files", string.Join(" ", findings.Where(finding => finding.Fatal).Select(finding => $"{finding.Path}: {finding.Problem}")), fatal.Fix);
        }

        return findings.Count > 0
            ? CheckResult.Warning("files", $"{findings[0].Path}: {findings[0].Problem}", findings[0].Fix)
            : CheckResult.Ok("files", $"The folder, config, state and executable can be changed only by root or {UnixAccounts.Describe(NativeUnix.EffectiveUser)}.");
    }

    /// <summary>Readable by this process, which is the instance's user ('check' run by root becomes it).</summary>
    private static CheckResult ImportFolder(AgentConfig config)
    {
        var folder = config.ImportDirectory;
        var user = UnixAccounts.Find(NativeUnix.EffectiveUser)?.Name ?? Environment.UserName;
        return ServiceUser.ReadProblemHere(folder, user) is { } problem
            ? CheckResult.Failed("import folder", problem.Problem, problem.Fix)
            : CheckResult.Ok("import folder", $"{folder} and its *.csv files can be read by {user}.");
    }

    private static (CheckResult Result, ProxySettings? Proxy) Proxy()
    {
        CloudProxy? fromEnvironment;
        try
        {
            fromEnvironment = CloudProxy.FromEnvironment();
        }
        catch (ProxyException e)
        {
            return (CheckResult.Failed("proxy", e.Message, "Correct HTTPS_PROXY in the environment the agent runs in, or unset it."), null);
        }

        if (fromEnvironment is not null)
        {
            return (CheckResult.Ok("proxy", $"{fromEnvironment.Settings.Address.Masked} (from the environment){NotFor(fromEnvironment.Settings)}."), fromEnvironment.Settings);
        }

        var host = new HostProxy(ProcessRunner.Instance, new InstanceCatalog());
        try
        {
            var settings = host.Read();
            return settings is null
                ? (CheckResult.Ok("proxy", "None: the cloud is reached directly."), null)
                : (CheckResult.Ok("proxy", $"{settings.Address.Masked} (from {host.Location}){NotFor(settings)}."), settings);
        }
        catch (ProxyException e)
        {
            return (CheckResult.Failed("proxy", e.Message, $"Set it again with 'injixo-cloud-link proxy set http://host:port' (it is kept in {host.Location})."), null);
        }
    }

    private static string NotFor(ProxySettings settings) => settings.NoProxy is null ? "" : $", not for {settings.NoProxy}";

    private static async Task<CheckResult> CloudAsync(AgentConfig config, ProxySettings? proxy, CancellationToken cancellationToken)
    {
        var probe = await ConnectionProbe.CheckAsync(config.CloudUrl, proxy, NetworkTimeout, cancellationToken);
        return probe.Succeeded
            ? CheckResult.Ok("cloud", probe.Message)
            : CheckResult.Failed("cloud", SecretMask.Url(probe.Message), "Check cloud.url, DNS and the firewall, or set a proxy with 'injixo-cloud-link proxy set'.");
    }

    private static AgentCredentials? Link(InstancePaths paths, AgentConfig config, List<CheckResult> results)
    {
        try
        {
            var credentials = new CredentialStore(paths).Read();
            if (credentials is { Linked: true } && credentials.CloudUrl == CredentialStore.Normalize(config.CloudUrl))
            {
                results.Add(CheckResult.Ok("link", $"Linked to integration {credentials.IntegrationId} ({credentials.IntegrationName})."));
                return credentials;
            }

            results.Add(CheckResult.Warning("link", "Not linked to an integration yet.", "Start the agent and enter the PIN it shows ('injixo-cloud-link pin') on the integration's page."));
        }
        catch (StateException e)
        {
            results.Add(CheckResult.Failed("link", e.Message, "Run the check as the service's user or root."));
        }

        return null;
    }

    /// <summary>The integration's settings as the agent would fetch them; a credential the cloud no longer accepts fails the link.</summary>
    private static async Task<IntegrationSettings?> SettingsAsync(AgentConfig config, ProxySettings? proxy, AgentCredentials credentials, List<CheckResult> results, CancellationToken cancellationToken)
    {
        try
        {
            using var cloud = new CloudClient(config.CloudUrl, config.CaFile, proxy is null ? null : new CloudProxy(proxy));
            return await cloud.GetSettingsAsync(credentials.Secret, cancellationToken);
        }
        catch (CredentialRejectedException e)
        {
            results[^1] = CheckResult.Failed("link", $"The cloud no longer accepts this instance's link: {e.CloudMessage}",
                "The running agent pairs again by itself: enter the PIN 'injixo-cloud-link pin' shows on the integration's page.");
            return null;
        }
        catch (Exception e) when (e is CloudException or CloudUnreachableException)
        {
            return null;
        }
    }

    private static CheckResult Database(AgentConfig config)
    {
        if (!config.Database.IsConfigured)
        {
            return CheckResult.Skipped("database", "No [database] in the config; a CSV integration needs none.");
        }

        try
        {
            using var connection = OdbcConnection.Open(ConnectionStrings.FromSettings(config.Database), NetworkTimeout);
            return CheckResult.Ok("database", $"Connected to {connection.DbmsName} through {connection.DriverName}.");
        }
        catch (Exception e) when (e is OdbcException or DllNotFoundException)
        {
            return CheckResult.Failed("database", e.Message, "Check [database] in the config, the ODBC driver ('odbcinst -q -d') and that the server accepts connections from here.");
        }
    }

    /// <summary>The approval state, and a dry run of the integration's query over the last 24 hours (unless it waits for approval).</summary>
    private static IEnumerable<CheckResult> Query(InstancePaths paths, AgentConfig config, IntegrationSettings? settings, List<CheckResult> done)
    {
        if (settings?.Database is not { } database || !config.Database.IsConfigured)
        {
            yield return CheckResult.Skipped("query", settings is null ? "The integration's settings could not be read (not linked, or the cloud is unreachable)." : "The integration has no database query.");
            yield break;
        }

        var sha256 = QueryHash.Of(database.Query);
        var approved = !config.Database.ApprovesLocally || new QueryStore(paths).IsApproved(sha256);
        yield return !config.Database.ApprovesLocally
            ? CheckResult.Ok("approval", $"Queries from the cloud run as they come (queryApproval = cloud); this one is SHA-256 {sha256}.")
            : approved
                ? CheckResult.Ok("approval", $"The query SHA-256 {sha256} is approved here.")
                : CheckResult.Warning("approval", $"The query SHA-256 {sha256} waits for approval; nothing is imported until then.", "Run 'injixo-cloud-link query approve' to see the SQL and approve it.");

        if (!approved)
        {
            yield return CheckResult.Skipped("query", "Not run: it waits for approval.");
            yield break;
        }

        if (done.Any(result => result.Name == "database" && result.Status == CheckStatus.Failed))
        {
            yield return CheckResult.Skipped("query", "Not run: the database cannot be reached.");
            yield break;
        }

        yield return DryRun(config, database);
    }

    private static CheckResult DryRun(AgentConfig config, DatabaseSettingsInfo database)
    {
        try
        {
            var type = DataType.Parse(database.DataType);
            var clock = WindowClock.For(database.TimeZone);
            var to = WindowClock.Align(clock.ToLocal(DateTimeOffset.UtcNow), WindowClock.Grain);
            var from = to.AddDays(-1);
            using var connection = OdbcConnection.Open(ConnectionStrings.FromSettings(config.Database), NetworkTimeout);
            using var command = connection.CreateCommand();
            command.Timeout = TimeSpan.FromMinutes(1);
            WindowQuery.CheckColumns(WindowQuery.Columns(command, database.Query, CancellationToken.None), type);
            var rows = OdbcQuery.Run(command, WindowQuery.Window(database.Query, type, connection.IdentifierQuote), [new(from), new(to)], reader =>
            {
                while (reader.Read())
                {
                }

                return reader.RowsRead;
            }, CancellationToken.None);
            return CheckResult.Ok("query", $"{rows} row(s) of {type.Name} data from {from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} ({clock.Zone.Id}).");
        }
        catch (Exception e) when (e is OdbcException or DatabaseImportException or OdbcTruncationException)
        {
            return CheckResult.Failed("query", e.Message, "Correct the integration's query on its page in the cloud; try it with 'injixo-cloud-link query --sql ...'.");
        }
    }

    private static CheckResult Service(InstancePaths paths)
    {
        try
        {
            var record = ServiceRecords.Load(paths);
            if (record is null)
            {
                return CheckResult.Warning("service", "This instance is not installed as a service.", "Install it with 'injixo-cloud-link service install', then 'service start'.");
            }

            var state = OperatingSystem.IsWindows() ? CloudLink.Core.Service.Windows.WindowsServices.Status(paths) : SystemdServices.Status(paths);
            return state.IsActive
                ? CheckResult.Ok("service", $"{state.Unit} is {state.ActiveState} ({state.SubState}){(state.MainPid > 0 ? $", PID {state.MainPid}" : "")}.")
                : CheckResult.Failed("service", $"{state.Unit} is installed but {state.ActiveState} ({state.SubState}).", "Start it with 'injixo-cloud-link service start'; its log says why it stopped.");
        }
        catch (ServiceException e)
        {
            return CheckResult.Skipped("service", e.Message);
        }
    }
}
