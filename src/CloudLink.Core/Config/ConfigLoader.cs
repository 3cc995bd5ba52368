using System.Text;
using CloudLink.Core.Instance;

namespace CloudLink.Core.Config;

/// <summary>Reads and validates injixo-cloud-link.toml. A bad file is an error, never a silent fallback to defaults.</summary>
public static class ConfigLoader
{
    private static readonly HashSet<string> KnownKeys =
    [
        "app.name", "app.verbose", "app.importDirectory", "cloud.url", "csv.settleSeconds", "csv.scanSeconds",
    ];

    /// <summary>The commented default config shipped with the agent.</summary>
    public static string DefaultText()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream("CloudLink.Core.DefaultConfig.toml")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the default config if the file does not exist; true if it did so.</summary>
    public static bool CreateDefaultIfMissing(InstancePaths paths)
    {
        if (File.Exists(paths.ConfigFile))
        {
            return false;
        }

        Directory.CreateDirectory(paths.Folder);
        return State.AtomicFile.CreateIfAbsent(paths.ConfigFile, Encoding.UTF8.GetBytes(DefaultText()), privateFile: false);
    }

    public static AgentConfig Load(InstancePaths paths)
    {
        var file = paths.ConfigFile;
        string text;
        try
        {
            text = File.ReadAllText(file, Encoding.UTF8);
        }
        catch (FileNotFoundException)
        {
            throw new ConfigException(file, 1, 1, "the config file does not exist; run 'injixo-cloud-link run' once to create the default, or copy it from the release archive.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(file, 1, 1, $"the config file cannot be read ({e.Message}); check that this user may read it.");
        }

        return FromValues(MinimalToml.Parse(text, file), paths);
    }

    internal static AgentConfig FromValues(Dictionary<string, ConfigValue> values, InstancePaths paths)
    {
        var file = paths.ConfigFile;
        var name = Text(values, file, "app.name") ?? AgentConfig.DefaultName;
        if (name.Trim().Length == 0 || name.Length > 200)
        {
            throw Invalid(file, values["app.name"], "app.name", "give the instance a name of 1 to 200 characters, e.g. \"com.injixo.cloud-link.instance.1\".");
        }

        var url = Text(values, file, "cloud.url") ?? AgentConfig.DefaultCloudUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var cloudUrl) || (cloudUrl.Scheme != Uri.UriSchemeHttps && cloudUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(file, values["cloud.url"], "cloud.url", $"'{url}' is not a web address; write it like \"https://www.injixo.com\".");
        }

        return new AgentConfig
        {
            Name = name,
            Verbose = Boolean(values, file, "app.verbose") ?? false,
            ImportDirectory = paths.Resolve(Text(values, file, "app.importDirectory") ?? "."),
            CloudUrl = cloudUrl,
            SettleTime = Seconds(values, file, "csv.settleSeconds", minimum: 0, fallback: 5),
            ScanInterval = Seconds(values, file, "csv.scanSeconds", minimum: 0.05, fallback: 2),
            UnknownKeys = values.Keys.Where(key => !KnownKeys.Contains(key)).OrderBy(key => key, StringComparer.Ordinal).ToList(),
        };
    }

    private static string? Text(Dictionary<string, ConfigValue> values, string file, string key) =>
        !values.TryGetValue(key, out var value) ? null
        : value.Value as string ?? throw Invalid(file, value, key, "this must be text in double quotes.");

    private static bool? Boolean(Dictionary<string, ConfigValue> values, string file, string key) =>
        !values.TryGetValue(key, out var value) ? null
        : value.Value as bool? ?? throw Invalid(file, value, key, "this must be true or false (without quotes).");

    private static TimeSpan Seconds(Dictionary<string, ConfigValue> values, string file, string key, double minimum, double fallback)
    {
        if (!values.TryGetValue(key, out var value))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        var seconds = value.Value switch
        {
            long integer => integer,
            double number => number,
            _ => double.NaN,
        };
        if (double.IsNaN(seconds) || seconds < minimum || seconds > 86400)
        {
            throw Invalid(file, value, key, $"this must be a number of seconds from {minimum} to 86400.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static ConfigException Invalid(string file, ConfigValue value, string key, string message) =>
        new(file, value.Line, value.Column, $"{key}: {message}");
}
