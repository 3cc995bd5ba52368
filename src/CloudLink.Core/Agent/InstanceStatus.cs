using CloudLink.Core.Config;
using CloudLink.Core.CsvCheck;
using CloudLink.Core.Instance;
using CloudLink.Core.State;
using CloudLink.Core.Uploads;

namespace CloudLink.Core.Agent;

/// <summary>What 'status' and Get-CloudLinkInstance report, read from the instance's files.</summary>
public sealed class InstanceStatus
{
    public string Name { get; init; } = "";
    public string Folder { get; init; } = "";
    public string ConfigFile { get; init; } = "";
    public string ImportDirectory { get; init; } = "";
    public string CloudUrl { get; init; } = "";

    /// <summary>"linked", "waiting for PIN" or "not paired".</summary>
    public string LinkState { get; init; } = "";

    public long? IntegrationId { get; init; }
    public string? IntegrationName { get; init; }
    public string? Pin { get; init; }
    public DateTimeOffset? PinExpiresAt { get; init; }
    public int ImportedFiles { get; init; }
    public DateTimeOffset? LastImportAt { get; init; }

    /// <summary>*.csv files in the import folder that are not recorded as imported.</summary>
    public int Backlog { get; init; }

    /// <summary>Database import: the start of the next window not yet acknowledged (database local time), if any.</summary>
    public DateTime? DatabaseNextWindow { get; init; }

    /// <summary>Database import: share of the first connection's history read, 0 to 100.</summary>
    public double? DatabaseHistoryPercent { get; init; }

    /// <summary>Database import: the SHA-256 of the integration's query as the agent last received it.</summary>
    public string? QuerySha256 { get; init; }

    /// <summary>Database import: "runs (approved)", "waits for approval", or "runs (queryApproval = cloud)".</summary>
    public string? QueryState { get; init; }

    /// <summary>The agent's check of the last CSV file it uploaded (when the integration gives the files' shape).</summary>
    public CsvCheckRecord? LastCsvCheck { get; init; }

    public static InstanceStatus Read(InstancePaths paths, AgentConfig config, TimeProvider time)
    {
        var credentials = new CredentialStore(paths).Read();
        var pin = new PinStore(paths).Load();
        var linked = credentials is { Linked: true } && credentials.CloudUrl == CredentialStore.Normalize(config.CloudUrl);
        var pinValid = !linked && pin is not null && pin.ExpiresAt > time.GetUtcNow();
        int imported = 0, backlog = 0;
        DateTimeOffset? lastImport = null;
        if (File.Exists(paths.LedgerFile))
        {
            using var ledger = ImportLedger.OpenForReading(paths.LedgerFile);
            imported = ledger.Imported;
            lastImport = ledger.LastImportAt;
            if (linked && Directory.Exists(config.ImportDirectory))
            {
                backlog = CsvFolderScanner.Scan(config.ImportDirectory)
                    .Count(file => !ledger.IsUnchanged(credentials!.IntegrationId ?? 0, file.Name, file.Size, file.ModifiedTicks));
            }
        }

        var database = DatabaseProgress(paths);
        var queries = new QueryStore(paths);
        var query = queries.Current();
        return new InstanceStatus
        {
            QuerySha256 = query?.Sha256,
            QueryState = query is null ? null
                : !config.Database.ApprovesLocally ? "runs (queryApproval = cloud)"
                : queries.IsApproved(query.Sha256) ? "runs (approved here)"
                : "waits for approval: run 'injixo-cloud-link query approve'",
            DatabaseNextWindow = database?.Next,
            DatabaseHistoryPercent = database?.Percent,
            Name = config.Name,
            Folder = paths.Folder,
            ConfigFile = paths.ConfigFile,
            ImportDirectory = config.ImportDirectory,
            CloudUrl = config.CloudUrl.ToString(),
            LinkState = linked ? "linked" : pinValid ? "waiting for PIN" : "not paired",
            IntegrationId = linked ? credentials!.IntegrationId : null,
            IntegrationName = linked ? credentials!.IntegrationName : null,
            Pin = pinValid ? pin!.Pin : null,
            PinExpiresAt = pinValid ? pin!.ExpiresAt : null,
            ImportedFiles = imported,
            LastImportAt = lastImport,
            Backlog = backlog,
            LastCsvCheck = new LastCsvCheck(paths).Load(),
        };
    }

    private static (DateTime Next, double Percent)? DatabaseProgress(InstancePaths paths)
    {
#if NET
        var file = Path.Combine(paths.StateFolder, "database.json");
        try
        {
            var checkpoint = System.Text.Json.JsonSerializer.Deserialize(NoFollow.ReadAllBytes(file), StateJson.Default.DatabaseCheckpoint);
            if (checkpoint is null)
            {
                return null;
            }

            return (checkpoint.Next, Database.DatabaseImporter.Progress(checkpoint, Database.WindowPlanner.LiveBoundary(DateTime.Now)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return null;
        }
#else
        _ = paths;
        return null;
#endif
    }
}
