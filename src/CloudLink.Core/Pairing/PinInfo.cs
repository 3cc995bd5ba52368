using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudLink.Core.Pairing;

/// <summary>Output of Get-CloudLinkPin and 'pin --json': the PIN to enter on the integration's page, or the link it already has.</summary>
public sealed class PinInfo
{
    public string Instance { get; set; } = "";
    public string Folder { get; set; } = "";
    public bool Linked { get; set; }
    public long? IntegrationId { get; set; }
    public string? IntegrationName { get; set; }
    public string? Pin { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public string? Banner { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, PinJson.Default.PinInfo);

    public static PinInfo FromJson(string json) => JsonSerializer.Deserialize(json, PinJson.Default.PinInfo)
        ?? throw new JsonException("'pin --json' wrote null.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PinInfo))]
internal sealed partial class PinJson : JsonSerializerContext
{
}
