using System.Text.Json;
using CloudLink.Core.Cloud;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.Odbc;
using CloudLink.Core.State;
using CloudLink.Core.Uploads;
using CloudLink.Protocol;
using Serilog;

namespace CloudLink.Core.Database;

/// <summary>
/// The scheduled database import of SPEC section 6: history on first connection, each window as it
/// completes, reconciliation of the last 24 hours, agent status in real time, pause and resume.
/// Each window is read into a compressed spool file, uploaded with its key, and only after the
/// cloud's acknowledgement does the checkpoint move past it.
/// </summary>
public sealed class DatabaseImporter(InstancePaths paths, AgentConfig config, CloudClient cloud, ILogger log, TimeProvider time)
{
    /// <summary>Windows read per pass at most, so that stop and pause are noticed between them.</summary>
    public int WindowsPerPass { get; init; } = 24;

    /// <summary>How late rows may still arrive for a window that has just ended.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan RealTimeInterval = TimeSpan.FromSeconds(10);

    private DateTimeOffset _realTimeAt = DateTimeOffset.MinValue;
    private readonly RereadRequests _rereads = new(paths);
    private readonly QueryGate _gate = new(paths, config.Database, log, time);
    private bool _spoolCleaned;

    public string CheckpointFile => Path.Combine(paths.StateFolder, "database.json");

    /// <summary>Runs what is due now. Database problems are logged with their fix and retried by the caller's next pass.</summary>
    public async Task RunOnceAsync(AgentCredentials credentials, IntegrationSettings settings, CancellationToken cancellationToken)
    {
        var database = settings.Database ?? throw new DatabaseImportException(
            "The integration has no query yet: set its data type, query and time zone on the integration's page in the cloud.");
        if (!_gate.MayRun(database.Query))
        {
            return;
        }

        var type = DataType.Parse(database.DataType);
        var clock = WindowClock.For(database.TimeZone);
        var now = time.GetUtcNow();
        var localNow = clock.ToLocal(now);
        var liveBoundary = WindowPlanner.LiveBoundary(localNow);
        var checkpoint = LoadCheckpoint(settings.IntegrationId, type) ?? await RebuildAsync(credentials, settings.IntegrationId, type, liveBoundary, cancellationToken);

        if (checkpoint is null)
        {
            var from = WindowClock.Align(localNow - TimeSpan.FromDays(Math.Clamp(database.BackfillDays, 0, 1096)), WindowClock.Grain);
            checkpoint = new DatabaseCheckpoint { IntegrationId = settings.IntegrationId, DataType = type.Name, Next = from, BackfillFrom = from };
            log.Information("Database import of {Type} data starts with history from {From:yyyy-MM-dd HH:mm} ({Zone}).", type.Name, from, clock.Zone.Id);
            SaveCheckpoint(checkpoint);
        }

        if (checkpoint.PausedAt is not null)
        {
            Resume(checkpoint, liveBoundary);
        }

        var cadence = TimeSpan.FromMinutes(database.IntervalMinutes is 15 or 30 or 60 ? database.IntervalMinutes : 15);
        var completeUntil = clock.CompleteUntil(now - Grace, cadence);
        var due = WindowPlanner.Due(checkpoint.Next, liveBoundary, completeUntil, WindowsPerPass);
        var reconcile = (database.Reconciliation ?? type == DataType.AgentStatus) && checkpoint.ReconciledUntil != completeUntil;
        var realTime = database.RealTime && type == DataType.AgentStatus && now - _realTimeAt >= RealTimeInterval;
        if (due.Count == 0 && !reconcile && !realTime && !File.Exists(_rereads.FilePath))
        {
            return;
        }

        using var connection = OdbcConnection.Open(ConnectionString(database), TimeSpan.FromSeconds(30));
        using var command = connection.CreateCommand();
        command.Timeout = TimeSpan.FromMinutes(10);
        foreach (var window in due)
        {
            await ImportAsync(command, credentials, type, database.Query, window, checkpoint, cancellationToken);
            checkpoint.Next = window.To;
            if (window.Kind == WindowKind.Backfill)
            {
                WindowPlanner.NoteChunk(checkpoint.Chunked, window);
            }

            if (!checkpoint.BackfillComplete && window.To >= liveBoundary)
            {
                checkpoint.BackfillComplete = true;
                log.Information("History read up to {To:yyyy-MM-dd HH:mm}; from now on each window is read as it completes.", window.To);
            }
            else if (window.Kind == WindowKind.Backfill)
            {
                log.Information("Backfill: read up to {To:yyyy-MM-dd HH:mm} ({Percent:0}% of the history).", window.To, Progress(checkpoint, liveBoundary));
            }

            Prune(checkpoint, liveBoundary);
            SaveCheckpoint(checkpoint);
        }

        for (var count = 0; count < WindowsPerPass && _rereads.Next(checkpoint.Next, checkpoint.Chunked) is { } window; count++)
        {
            await ImportAsync(command, credentials, type, database.Query, window, checkpoint, cancellationToken);
            _rereads.Done(window);
            SaveCheckpoint(checkpoint);
        }

        if (reconcile && checkpoint.Next >= completeUntil)
        {
            foreach (var window in WindowPlanner.Reconcile(liveBoundary, checkpoint.Next))
            {
                await ImportAsync(command, credentials, type, database.Query, window, checkpoint, cancellationToken);
            }

            checkpoint.ReconciledUntil = completeUntil;
            SaveCheckpoint(checkpoint);
        }

        if (realTime && checkpoint.Next >= liveBoundary)
        {
            var from = WindowClock.Align(localNow, WindowClock.Grain);
            await ImportAsync(command, credentials, type, database.Query, new ImportWindow(from, from + WindowClock.Grain, WindowKind.RealTime), checkpoint, cancellationToken);
            SaveCheckpoint(checkpoint);
            _realTimeAt = now;
        }
    }

    /// <summary>Records that the integration is paused, so that the resume knows how far back to go.</summary>
    public void NotePaused(long integrationId, DataType? type)
    {
        var checkpoint = type is null ? null : LoadCheckpoint(integrationId, type);
        if (checkpoint is { PausedAt: null })
        {
            checkpoint.PausedAt = time.GetUtcNow();
            SaveCheckpoint(checkpoint);
        }
    }

    /// <summary>The share of the first connection's history read so far, 0 to 100.</summary>
    public static double Progress(DatabaseCheckpoint checkpoint, DateTime liveBoundary)
    {
        var total = (liveBoundary - checkpoint.BackfillFrom).TotalMinutes;
        return checkpoint.BackfillComplete || total <= 0 ? 100 : Math.Clamp((checkpoint.Next - checkpoint.BackfillFrom).TotalMinutes * 100 / total, 0, 100);
    }

    private void Resume(DatabaseCheckpoint checkpoint, DateTime liveBoundary)
    {
        if (checkpoint.BackfillComplete && checkpoint.Next < liveBoundary)
        {
            log.Warning("Resumed after a pause: windows from {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm} are older than 24 hours and are not imported.",
                checkpoint.Next, liveBoundary);
            checkpoint.Next = liveBoundary;
        }
        else
        {
            log.Information("Resumed after a pause: importing from {From:yyyy-MM-dd HH:mm}.", checkpoint.Next);
        }

        checkpoint.PausedAt = null;
        SaveCheckpoint(checkpoint);
    }

    private async Task ImportAsync(
        OdbcCommand command, AgentCredentials credentials, DataType type, string query, ImportWindow window, DatabaseCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var key = window.Key(type);
        var spoolFolder = Path.Combine(paths.StateFolder, "spool");
        AtomicFile.EnsurePrivateFolder(spoolFolder);
        if (!_spoolCleaned)
        {
            // Left by a crash: their windows were not acknowledged and are read again.
            foreach (var stale in Directory.EnumerateFiles(spoolFolder, "*.csv.gz"))
            {
                File.Delete(stale);
            }

            _spoolCleaned = true;
        }

        var spool = Path.Combine(spoolFolder, Guid.NewGuid().ToString("N") + ".csv.gz");
        try
        {
            var result = WindowExporter.Export(command, type, query, window.From, window.To,
                () => new BackgroundGzipStream(AtomicFile.OpenNew(spool, privateFile: true, FileMode.Create)), cancellationToken);
            LogRows(type, window, result);
            string sha256;
            using (var stream = FileHasher.OpenShared(spool))
            {
                sha256 = FileHasher.Sha256(stream);
            }

            var previous = checkpoint.Uploaded.FirstOrDefault(uploaded => uploaded.Key == key);
            if (previous?.Sha256 == sha256)
            {
                return;
            }

            using (var stream = FileHasher.OpenShared(spool))
            using (var upload = new UploadStopGrace(cancellationToken))
            {
                var ack = await cloud.UploadWindowAsync(credentials.Secret, key, ImportWindow.Text(window.From), ImportWindow.Text(window.To), result.Rows, sha256, stream, upload.Token);
                log.Information("Uploaded {Kind} window {From:yyyy-MM-dd HH:mm} to {To:HH:mm}: {Rows} row(s){Note}.", window.Kind, window.From, window.To, result.Rows,
                    ack.Status == UploadStatus.Duplicate ? " (the cloud had it already)" : "");
            }

            checkpoint.Uploaded.RemoveAll(uploaded => uploaded.Key == key);
            checkpoint.Uploaded.Add(new UploadedWindow { Key = key, To = window.To, Sha256 = sha256 });
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private void LogRows(DataType type, ImportWindow window, ExportResult result)
    {
        if (!config.Verbose)
        {
            return;
        }

        log.Information("Query for {Type} {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm}: {Rows} row(s).", type.Name, window.From, window.To, result.Rows);
        foreach (var row in result.FirstRows)
        {
            log.Information("  {Row}", string.Join(" | ", row.Select(value => value ?? "NULL")));
        }
    }

    private string ConnectionString(DatabaseSettingsInfo database)
    {
        if (config.Database.IsConfigured)
        {
            return ConnectionStrings.FromSettings(config.Database);
        }

        return !string.IsNullOrWhiteSpace(database.Connection)
            ? database.Connection!
            : throw new DatabaseImportException($"No database connection: set [database] in {paths.ConfigFile} (e.g. type = \"odbc\" and connection = \"DSN=acd\").");
    }

    private static void Prune(DatabaseCheckpoint checkpoint, DateTime liveBoundary) =>
        checkpoint.Uploaded.RemoveAll(uploaded => uploaded.To <= liveBoundary - TimeSpan.FromHours(1));

    /// <summary>The checkpoint of this integration and data type; null if there is none or it (and its copy) is damaged.</summary>
    private DatabaseCheckpoint? LoadCheckpoint(long integrationId, DataType type)
    {
        DatabaseCheckpoint? checkpoint;
        try
        {
            checkpoint = MirroredFile.Read<DatabaseCheckpoint, JsonException>(CheckpointFile, Parse,
                damage => log.Warning("{File} was damaged ({Damage}); the import goes on from its copy {Copy}.", CheckpointFile, damage.Message, MirroredFile.CopyOf(CheckpointFile)));
        }
        catch (JsonException e)
        {
            var aside = $"{CheckpointFile}.damaged-{time.GetUtcNow():yyyyMMddHHmmss}";
            File.Move(CheckpointFile, aside);
            log.Warning("{File} and its copy are damaged ({Damage}); kept as {Aside}. The import position is rebuilt from the windows the cloud holds.", CheckpointFile, e.Message, aside);
            return null;
        }

        return checkpoint is not null && checkpoint.IntegrationId == integrationId && checkpoint.DataType == type.Name ? checkpoint : null;
    }

    private static DatabaseCheckpoint Parse(byte[] content) =>
        JsonSerializer.Deserialize(content, StateJson.Default.DatabaseCheckpoint) ?? throw new JsonException("empty");

    /// <summary>Without a checkpoint, asks the cloud which windows it holds and continues after them; null when it holds none.</summary>
    private async Task<DatabaseCheckpoint?> RebuildAsync(AgentCredentials credentials, long integrationId, DataType type, DateTime liveBoundary, CancellationToken cancellationToken)
    {
        var held = await cloud.ListWindowsAsync(credentials.Secret, cancellationToken);
        var checkpoint = CheckpointRebuild.FromCloud(held, integrationId, type, liveBoundary);
        if (checkpoint is not null)
        {
            log.Information("The cloud holds {Count} window(s) of {Type} data up to {To:yyyy-MM-dd HH:mm}: the import continues there and re-reads the last day, sending only what changed.",
                held.Count, type.Name, checkpoint.Next);
            SaveCheckpoint(checkpoint);
        }

        return checkpoint;
    }

    private void SaveCheckpoint(DatabaseCheckpoint checkpoint)
    {
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        MirroredFile.Write(CheckpointFile, JsonSerializer.SerializeToUtf8Bytes(checkpoint, StateJson.Default.DatabaseCheckpoint), privateFile: true);
    }
}
