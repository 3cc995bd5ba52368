using CloudLink.Core.Cloud;
using CloudLink.Core.CsvCheck;
using CloudLink.Core.State;
using CloudLink.Protocol;
using Serilog;

namespace CloudLink.Core.Uploads;

/// <summary>
/// One pass over the import folder: every settled *.csv whose content this integration has not
/// received is streamed to the cloud; the ledger records a file only after the cloud acknowledged
/// it. User files are opened read-only and shared, never moved, changed or deleted. When the
/// integration gives the files' expected shape, each file is checked before it is sent and the
/// check goes to the log, to 'status' and to the cloud; the file is sent as it is either way.
/// </summary>
public sealed class CsvImporter(CloudClient cloud, ImportLedger ledger, SettleTracker tracker, ILogger log, TimeProvider time, LastCsvCheck? lastCheck = null)
{
    /// <summary>Problems of a refused file written to the log; the rest are in 'status' and on the page.</summary>
    private const int LoggedProblems = 3;

    private readonly HashSet<(string Path, long Size, long ModifiedTicks)> _refused = [];
    private string? _missingFolderReported;

    /// <summary>Files in the folder not yet acknowledged, as of the last pass.</summary>
    public int Backlog { get; private set; }

    public async Task RunOnceAsync(AgentCredentials credentials, IntegrationSettings settings, string folder, CancellationToken cancellationToken)
    {
        IReadOnlyList<CsvCandidate> files;
        try
        {
            files = CsvFolderScanner.Scan(folder);
            _missingFolderReported = null;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            if (_missingFolderReported != folder)
            {
                _missingFolderReported = folder;
                log.Error("Cannot read the import folder {Folder}: {Problem} Create it, give the service's user read access, or change [app] importDirectory.", folder, e.Message);
            }

            return;
        }

        tracker.Retain(files);
        var pending = files.Where(file => !ledger.IsUnchanged(settings.IntegrationId, file.Name, file.Size, file.ModifiedTicks)).ToList();
        Backlog = pending.Count;
        foreach (var file in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_refused.Contains((file.Path, file.Size, file.ModifiedTicks)) || !tracker.IsSettled(file, time.GetUtcNow()))
            {
                continue;
            }

            if (await ImportAsync(credentials, settings, file, cancellationToken))
            {
                Backlog--;
            }
        }
    }

    /// <summary>Imports one settled file; true if it is now accounted for in the ledger.</summary>
    private async Task<bool> ImportAsync(AgentCredentials credentials, IntegrationSettings settings, CsvCandidate file, CancellationToken cancellationToken)
    {
        ImportFile opened;
        try
        {
            opened = ImportFile.Open(file.Path);
        }
        catch (ImportFileRefusedException e)
        {
            Refuse(file, e.Message);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            tracker.Forget(file.Path);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Warning("Cannot open {File} yet ({Problem}); it is retried at the next scan. If it persists, give the service's user read access.", file.Path, e.Message);
            return false;
        }

        using (opened)
        {
            var stream = opened.Stream;
            if (!opened.Matches(file))
            {
                tracker.Forget(file.Path);
                return false;
            }

            var hashing = System.Diagnostics.Stopwatch.StartNew();
            var sha256 = FileHasher.Sha256(stream);
            log.Debug("{Name}: SHA-256 of {Size} bytes in {Seconds:0.000} s.", file.Name, file.Size, hashing.Elapsed.TotalSeconds);
            if (!opened.Matches(file))
            {
                tracker.Forget(file.Path);
                return false;
            }

            var integrationId = settings.IntegrationId;
            if (ledger.Contains(integrationId, sha256))
            {
                Record(file, sha256, integrationId, LedgerResult.SameContent, null);
                log.Information("{Name} has the same content as a file imported before; not imported again.", file.Name);
                return true;
            }

            ledger.EnsureWritable();
            var known = await cloud.FindFileAsync(credentials.Secret, sha256, cancellationToken);
            if (known is not null)
            {
                Record(file, sha256, integrationId, LedgerResult.AlreadyInCloud, known.Id);
                log.Information("{Name}: the cloud already holds this content; not sent again.", file.Name);
                return true;
            }

            if (file.Size > settings.MaxUploadBytes && settings.MaxUploadBytes > 0)
            {
                Refuse(file, $"it is {file.Size} bytes and the cloud accepts at most {settings.MaxUploadBytes}; split it into smaller files");
                return false;
            }

            var check = settings.Csv is null ? null : Check(file, stream, settings.Csv);
            stream.Position = 0;
            log.Debug("Uploading {Name} ({Size} bytes).", file.Name, file.Size);
            UploadResult result;
            try
            {
                using var upload = new UploadStopGrace(cancellationToken);
                result = await cloud.UploadAsync(credentials.Secret, file.Name, sha256, stream, upload.Token);
            }
            catch (CloudException e) when (e.Code == ErrorCodes.ChecksumMismatch)
            {
                log.Warning("{Name} changed while it was uploaded; it is sent again once it is stable.", file.Name);
                tracker.Forget(file.Path);
                return false;
            }
            catch (CloudException e) when (e.Code is ErrorCodes.TooLarge or ErrorCodes.BadRequest)
            {
                Refuse(file, e.CloudMessage);
                return false;
            }

            var stored = result.Status == UploadStatus.Stored;
            Record(file, sha256, integrationId, stored ? LedgerResult.Stored : LedgerResult.AlreadyInCloud, result.FileId);
            log.Information("Imported {Name} ({Size} bytes, SHA-256 {Sha256}){Note}.", file.Name, file.Size, sha256,
                stored ? "" : "; the cloud already had it");
            if (check is not null)
            {
                await ReportAsync(credentials, file, result.FileId, check, cancellationToken);
            }

            return true;
        }
    }

    /// <summary>Reads the file as the cloud will; null (and a warning) when it cannot be read to the end.</summary>
    private CsvCheckReport? Check(CsvCandidate file, Stream stream, Protocol.CsvSettingsInfo expected)
    {
        CsvCheckReport report;
        try
        {
            report = CsvFileChecker.Check(stream, expected);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // The check only informs: whatever stops it must not stop the import.
            log.Warning("{Name} could not be checked before the upload ({Problem}); it is sent unchecked.", file.Name, e.Message);
            return null;
        }

        if (report.Refused)
        {
            log.Warning("{Name}: the cloud would refuse {Count} thing(s) in this {Type} file; it is sent as it is. Fix the export or the integration's CSV settings.",
                file.Name, report.ProblemCount, report.DataType);
            foreach (var problem in report.Problems.Take(LoggedProblems))
            {
                log.Warning("{Name}:{Line}: {Problem}", file.Name, problem.Line, problem.Message);
            }
        }
        else
        {
            log.Information("{Name}: checked, {Rows} rows as the integration expects ({Type}, delimiter {Delimiter}, {Encoding}).",
                file.Name, report.Rows, report.DataType, report.Delimiter, report.Encoding);
        }

        try
        {
            lastCheck?.Save(new CsvCheckRecord { FileName = file.Name, CheckedAt = time.GetUtcNow(), Report = report });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Warning("The check of {Name} could not be kept for 'status' ({Problem}).", file.Name, e.Message);
        }

        return report;
    }

    /// <summary>The check goes beside the file in the cloud; a failure here loses nothing the cloud needs, so it is only logged.</summary>
    private async Task ReportAsync(AgentCredentials credentials, CsvCandidate file, long fileId, CsvCheckReport check, CancellationToken cancellationToken)
    {
        try
        {
            await cloud.ReportCheckAsync(credentials.Secret, fileId, check, cancellationToken);
        }
        catch (Exception e) when (e is CloudException or CloudUnreachableException)
        {
            log.Warning("The cloud did not take the check of {Name} ({Problem}); the file itself is imported.", file.Name, e.Message);
        }
    }

    private void Record(CsvCandidate file, string sha256, long integrationId, string result, long? cloudFileId) =>
        ledger.Record(new LedgerEntry
        {
            IntegrationId = integrationId,
            Sha256 = sha256,
            Name = file.Name,
            Size = file.Size,
            ModifiedTicks = file.ModifiedTicks,
            At = time.GetUtcNow(),
            Result = result,
            CloudFileId = cloudFileId,
        });

    private void Refuse(CsvCandidate file, string reason)
    {
        _refused.Add((file.Path, file.Size, file.ModifiedTicks));
        log.Error("{File} is not imported: {Reason}. It is tried again when the file changes.", file.Path, reason);
    }

}
