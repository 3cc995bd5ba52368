namespace CloudLink.Core.Config;

public enum ConfigValueKind
{
    Text,
    Boolean,
    WholeNumber,

    /// <summary>An integer or a float.</summary>
    Number,
}

/// <summary>One documented key of injixo-cloud-link.toml: its type, default, meaning and check.</summary>
public sealed class ConfigKey(string path, ConfigValueKind kind, object defaultValue, string help, Func<object, string?>? check = null)
{
    public string Path { get; } = path;
    public ConfigValueKind Kind { get; } = kind;
    public object Default { get; } = defaultValue;
    public string Help { get; } = help;

    /// <summary>Why a value of the right type is still not allowed, or null if it is.</summary>
    public string? Check(object value) => check?.Invoke(value);

    /// <summary>True if the value has this key's type (an integer is also a number).</summary>
    public bool Accepts(object value) => Kind switch
    {
        ConfigValueKind.Text => value is string,
        ConfigValueKind.Boolean => value is bool,
        ConfigValueKind.WholeNumber => value is long,
        _ => value is long or double,
    };

    public string KindDescription => Kind switch
    {
        ConfigValueKind.Text => "text in double quotes",
        ConfigValueKind.Boolean => "true or false (without quotes)",
        ConfigValueKind.WholeNumber => "a whole number",
        _ => "a number",
    };
}
