using System.Text.Json.Serialization;

namespace CloudLink.Core.State;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentCredentials))]
[JsonSerializable(typeof(PinRecord))]
[JsonSerializable(typeof(LedgerEntry))]
internal sealed partial class StateJson : JsonSerializerContext
{
}
