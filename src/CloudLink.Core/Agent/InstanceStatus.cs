using CloudLink.Core.Config;
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

    public static InstanceStatus Read(InstancePaths paths, AgentConfig config, TimeProvider time)
    {
        var credentials = new CredentialStore(paths).Load();
        var pin = new PinStore(paths).Load();
        var linked = credentials is { Linked: true } && credentials.CloudUrl == CredentialStore.Normalize(config.CloudUrl);
        var pinValid = !linked && pin is not null && pin.ExpiresAt > time.GetUtcNow();
        int imported = 0, backlog = 0;
        DateTimeOffset? lastImport = null;
        if (File.Exists(paths.LedgerFile))
        {
            using var ledger = ImportLedger.Open(paths.LedgerFile);
            imported = ledger.Imported;
            lastImport = ledger.LastImportAt;
            if (linked && Directory.Exists(config.ImportDirectory))
            {
                backlog = CsvFolderScanner.Scan(config.ImportDirectory)
                    .Count(file => !ledger.IsUnchanged(credentials!.IntegrationId ?? 0, file.Name, file.Size, file.ModifiedTicks));
            }
        }

        return new InstanceStatus
        {
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
        };
    }
}
