using System.Text.Json.Serialization;

namespace CloudLink.Core.State;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentCredentials))]
[JsonSerializable(typeof(PinRecord))]
[JsonSerializable(typeof(LedgerEntry))]
[JsonSerializable(typeof(QueryRecord))]
[JsonSerializable(typeof(List<QueryApproval>))]
[JsonSerializable(typeof(CloudLink.Core.Service.ServiceRecord))]
[JsonSerializable(typeof(CloudLink.Core.CsvCheck.CsvCheckRecord))]
#if NET
[JsonSerializable(typeof(CloudLink.Core.Database.DatabaseCheckpoint))]
[JsonSerializable(typeof(List<CloudLink.Core.Database.RereadPeriod>))]
[JsonSerializable(typeof(CloudLink.Core.Control.ControlRequest))]
[JsonSerializable(typeof(CloudLink.Core.Control.ControlResponse))]
#endif
internal sealed partial class StateJson : JsonSerializerContext
{
}
