using CloudLink.Core.Secrets;
using CloudLink.Core.Toml;

namespace CloudLink.Core.Config;

/// <summary>
/// Which config values are secrets: database.password always, database.connection and
/// database.options when they hold a secret-bearing key (PWD=, Token=, ...). Such values are never
/// printed, and a config holding one is kept from other users.
/// </summary>
public static class ConfigSecrets
{
    private static readonly string[] MayHoldSecrets = ["database.connection", "database.options"];
    private static readonly string[] SecretKeys = ["database.password", .. MayHoldSecrets];

    /// <summary>True when <paramref name="value"/> of <paramref name="key"/> is, or holds, a secret.</summary>
    public static bool IsSecret(string key, object? value) => value is string { Length: > 0 } text &&
        (key == "database.password" || (MayHoldSecrets.Contains(key) && SecretMask.ConnectionString(text) != text));

    /// <summary>How <paramref name="value"/> of <paramref name="key"/> may be shown: masked, or hidden altogether for the password.</summary>
    public static string Display(string key, object value) => key == "database.password" && value is string { Length: > 0 }
        ? "(set; not shown)"
        : MayHoldSecrets.Contains(key) ? SecretMask.ConnectionString(ConfigFile.Format(value)) : ConfigFile.Format(value);

    /// <summary>True when the config holds any secret.</summary>
    public static bool Holds(TomlDocument document) => SecretKeys.Any(key => IsSecret(key, document.GetValue(key.Split('.'))));
}
