using CloudLink.Protocol;

namespace CloudLink.Cloud.Storage;

/// <summary>An agent credential as the cloud sees it at authentication time.</summary>
public sealed record AgentRecord(
    long Id,
    long IntegrationId,
    string IntegrationName,
    string IntegrationType,
    bool IntegrationPaused,
    bool IntegrationDeleted,
    bool Revoked)
{
    public DatabaseSettingsInfo? Database { get; init; }

    public CsvSettingsInfo? Csv { get; init; }
}
