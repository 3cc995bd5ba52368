using System.Text.Json.Serialization;

namespace CloudLink.Protocol;

/// <summary>
/// Source-generated JSON for every wire type: no reflection, so the trimmed agent and the cloud
/// serialise identically (camelCase names, nulls omitted).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(PairingRequest))]
[JsonSerializable(typeof(PairingStatus))]
[JsonSerializable(typeof(IntegrationSettings))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(UploadResult))]
[JsonSerializable(typeof(CreateIntegrationRequest))]
[JsonSerializable(typeof(IntegrationInfo))]
[JsonSerializable(typeof(List<IntegrationInfo>))]
[JsonSerializable(typeof(PinRequest))]
[JsonSerializable(typeof(PinPreview))]
[JsonSerializable(typeof(AgentInfo))]
[JsonSerializable(typeof(List<AgentInfo>))]
[JsonSerializable(typeof(ReceivedFileInfo))]
[JsonSerializable(typeof(List<ReceivedFileInfo>))]
[JsonSerializable(typeof(DatabaseSettingsInfo))]
[JsonSerializable(typeof(CsvSettingsInfo))]
[JsonSerializable(typeof(CsvCheckReport))]
[JsonSerializable(typeof(ReceivedWindowInfo))]
[JsonSerializable(typeof(List<ReceivedWindowInfo>))]
[JsonSerializable(typeof(UploadMetricsInfo))]
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(ApiTokenInfo))]
[JsonSerializable(typeof(List<ApiTokenInfo>))]
[JsonSerializable(typeof(CreateApiTokenRequest))]
[JsonSerializable(typeof(CreatedApiToken))]
[JsonSerializable(typeof(QueryChangeInfo))]
[JsonSerializable(typeof(List<QueryChangeInfo>))]
public sealed partial class ProtocolJson : JsonSerializerContext
{
}
