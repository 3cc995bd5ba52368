using CloudLink.Core.Cloud;
using CloudLink.Core.State;
using CloudLink.Core.Uploads;
using CloudLink.Protocol;

namespace CloudLink.Core.Agent;

/// <summary>
/// The agent's main loop ('run'): pair if needed, then import until stopped. A rejected credential
/// sends it back to pairing; an unreachable cloud means waiting with backoff, never losing a file.
/// </summary>
public sealed class AgentRunner(AgentHost host, AgentTimings? timings = null) : IDisposable
{
    private readonly AgentTimings _timings = timings ?? new AgentTimings();
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Dispose() => _wake.Dispose();

    /// <summary>Ends the current wait at once, so the next import pass runs now ('injixo-cloud-link import').</summary>
    public void WakeUp()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var log = host.Log;
        log.Information("injixo Cloud Link {Version} started for instance {Name} in {Folder}; importing from {ImportDirectory}.",
            AgentVersion.Current, host.Config.Name, host.Paths.Folder, host.Config.ImportDirectory);
        foreach (var warning in host.Config.Warnings)
        {
            log.Warning("{Config}:{Line}:{Column}: {Message}.", host.Paths.ConfigFile, warning.Line, warning.Column, warning.Message);
        }

        while (true)
        {
            var credentials = await host.Pairing.PairAsync(cancellationToken);
            try
            {
                await ImportAsync(credentials, cancellationToken);
            }
            catch (CredentialRejectedException e)
            {
                log.Warning("The cloud no longer accepts this agent ({Code}: {Reason}). Pairing again.", e.Code, e.CloudMessage);
                host.Credentials.Discard();
            }
        }
    }

    private async Task ImportAsync(AgentCredentials credentials, CancellationToken cancellationToken)
    {
        var log = host.Log;
        using var ledger = ImportLedger.Open(host.Paths.LedgerFile);
        if (ledger.DroppedRecords > 0)
        {
            log.Warning("{Ledger}: dropped {Count} unreadable record(s), e.g. torn by a crash; the cloud is asked before anything is sent again.",
                host.Paths.LedgerFile, ledger.DroppedRecords);
        }

        var importer = new CsvImporter(host.Cloud, ledger, new Uploads.SettleTracker(host.Config.SettleTime), log, host.Time, new CsvCheck.LastCsvCheck(host.Paths));
#if NET
        var database = new Database.DatabaseImporter(host.Paths, host.Config, host.Cloud, log, host.Time)
        {
            Grace = _timings.DatabaseGrace,
            WindowsPerPass = _timings.DatabaseWindowsPerPass,
        };
        var databaseBackoff = new Backoff();
        string? lastDatabaseProblem = null;
#endif
        var backoff = new Backoff();
        IntegrationSettings? settings = null;

        // Round-trip timing runs on the machine's monotonic clock; host.Time is the business clock of windows and PINs.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan? settingsAt = null;
        TimeSpan? heartbeatAt = null;
        var pausedLogged = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = host.Config.ScanInterval;
            try
            {
                var now = clock.Elapsed;
                if (settings is null || settings.Paused || settingsAt is null || now - settingsAt >= _timings.SettingsRefresh)
                {
                    settings = await host.Cloud.GetSettingsAsync(credentials.Secret, cancellationToken);
                    settingsAt = now;
                }

                if (settings.Paused)
                {
                    if (!pausedLogged)
                    {
                        log.Information("The integration is paused in the cloud; nothing is imported until it is resumed.");
                        pausedLogged = true;
                    }

                    wait = _timings.SettingsRefresh;
#if NET
                    if (settings.Type == IntegrationTypes.Database)
                    {
                        database.NotePaused(settings.IntegrationId, settings.Database is null ? null : Database.DataType.Parse(settings.Database.DataType));
                    }
#endif
                }
                else
                {
                    if (pausedLogged)
                    {
                        log.Information("The integration was resumed; importing what arrived meanwhile.");
                        pausedLogged = false;
                    }

#if NET
                    if (settings.Type == IntegrationTypes.Database)
                    {
                        try
                        {
                            await database.RunOnceAsync(credentials, settings, cancellationToken);
                            databaseBackoff.Reset();
                            lastDatabaseProblem = null;
                        }
                        catch (Exception e) when (e is Odbc.OdbcException or Database.DatabaseImportException or DllNotFoundException)
                        {
                            wait = databaseBackoff.Next();
                            if (e.Message != lastDatabaseProblem)
                            {
                                log.Error("Database import: {Problem} Retrying in {Seconds:0} s and then regularly until it works.", e.Message, wait.TotalSeconds);
                                lastDatabaseProblem = e.Message;
                            }
                        }
                    }
                    else
#endif
                    {
                        await importer.RunOnceAsync(credentials, settings, host.Config.ImportDirectory, cancellationToken);
                    }
                }

                if (heartbeatAt is null || now - heartbeatAt >= _timings.Heartbeat)
                {
                    await host.Cloud.HeartbeatAsync(credentials.Secret, new HeartbeatRequest
                    {
                        AgentVersion = AgentVersion.Current,
                        Backlog = importer.Backlog,
                        LastImportAt = ledger.LastImportAt,
                    }, cancellationToken);
                    heartbeatAt = now;
                }

                backoff.Reset();
            }
            catch (CloudException e) when (e.Code == ErrorCodes.IntegrationPaused)
            {
                settings!.Paused = true;
            }
            catch (Exception e) when (e is CloudUnreachableException || e is CloudException { IsTransient: true })
            {
                wait = backoff.Next();
                log.Warning("{Problem} Nothing is lost: retrying in {Seconds:0} s.", e.Message, wait.TotalSeconds);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StateException)
            {
                wait = backoff.Next();
                log.Error("Cannot record progress in {State}: {Problem} Free space there, give the service's user write access, or remount its file system read-write; retrying in {Seconds:0} s.",
                    host.Paths.StateFolder, e.Message, wait.TotalSeconds);
            }

            await _wake.WaitAsync(wait, cancellationToken);
        }
    }
}
