using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudLink.Core.Checks;

/// <summary>How one check of an instance came out.</summary>
public enum CheckStatus
{
    Ok,
    Warning,
    Failed,
    Skipped,
}

/// <summary>One line of 'injixo-cloud-link check' (and one object of Test-CloudLinkInstance): what was checked, how it came out, and the fix.</summary>
public sealed class CheckResult
{
    public string Instance { get; set; } = "";
    public string Name { get; set; } = "";

    [JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
    public CheckStatus Status { get; set; }

    public string Detail { get; set; } = "";
    public string? Fix { get; set; }

    public static CheckResult Ok(string name, string detail) => new() { Name = name, Status = CheckStatus.Ok, Detail = detail };

    public static CheckResult Warning(string name, string detail, string? fix) => new() { Name = name, Status = CheckStatus.Warning, Detail = detail, Fix = fix };

    public static CheckResult Failed(string name, string detail, string? fix) => new() { Name = name, Status = CheckStatus.Failed, Detail = detail, Fix = fix };

    public static CheckResult Skipped(string name, string detail) => new() { Name = name, Status = CheckStatus.Skipped, Detail = detail };

    /// <summary>The results as 'check --json' writes them.</summary>
    public static string ToJson(IReadOnlyList<CheckResult> results) => JsonSerializer.Serialize(results.ToList(), CheckJson.Default.ListCheckResult);

    public static List<CheckResult> FromJson(string json) => JsonSerializer.Deserialize(json, CheckJson.Default.ListCheckResult) ?? [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<CheckResult>))]
internal sealed partial class CheckJson : JsonSerializerContext
{
}
