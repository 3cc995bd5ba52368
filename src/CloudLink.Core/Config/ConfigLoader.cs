using System.Globalization;
using System.Text;
using CloudLink.Core.Cloud;
using CloudLink.Core.Instance;
using CloudLink.Core.State;
using CloudLink.Core.Toml;
using Tomlyn.Model;

namespace CloudLink.Core.Config;

/// <summary>Reads and validates injixo-cloud-link.toml. A bad file is an error, never a silent fallback to defaults.</summary>
public static class ConfigLoader
{
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

    public static AgentConfig Load(InstancePaths paths) => FromDocument(Read(paths), paths);

    /// <summary>The config file's syntax tree; a file that is not valid TOML is reported with line and column.</summary>
    public static TomlDocument Read(InstancePaths paths)
    {
        var file = paths.ConfigFile;
        byte[] bytes;
        try
        {
            bytes = NoFollow.ReadAllBytes(file);
        }
        catch (SymbolicLinkException e)
        {
            throw new ConfigException(file, 1, 1, null, e.Message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException(file, 1, 1, null, "the config file does not exist; run 'injixo-cloud-link run' once to create the default, or copy it from the release archive.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(file, 1, 1, null, $"the config file cannot be read ({e.Message}); check that this user may read it.");
        }

        try
        {
            return TomlDocument.Parse(bytes);
        }
        catch (TomlException e)
        {
            throw new ConfigException(file, e.Line, e.Column, null, e.Reason);
        }
    }

    /// <summary>Validates a parsed config against <see cref="ConfigSchema"/>; errors name the key, its place and the fix.</summary>
    public static AgentConfig FromDocument(TomlDocument document, InstancePaths paths)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in ConfigSchema.Keys)
        {
            values[key.Path] = Value(document, paths.ConfigFile, key);
        }

        var database = new DatabaseSettings
        {
            Type = (string)values["database.type"],
            Connection = (string)values["database.connection"],
            Driver = (string)values["database.driver"],
            Host = (string)values["database.host"],
            Port = (int)(long)values["database.port"],
            Database = (string)values["database.database"],
            User = (string)values["database.user"],
            Password = (string)values["database.password"],
            Options = (string)values["database.options"],
            QueryApproval = (string)values["database.queryApproval"],
        };
        CheckDatabase(document, paths.ConfigFile, database);

        return new AgentConfig
        {
            Name = (string)values["app.name"],
            Verbose = (bool)values["app.verbose"],
            ImportDirectory = paths.Resolve((string)values["app.importDirectory"]),
            Language = (string)values["app.language"],
            CloudUrl = new Uri((string)values["cloud.url"]),
            CaFile = CaFile(document, paths, (string)values["cloud.caFile"]),
            SettleTime = TimeSpan.FromSeconds(Convert.ToDouble(values["csv.settleSeconds"], CultureInfo.InvariantCulture)),
            ScanInterval = TimeSpan.FromSeconds(Convert.ToDouble(values["csv.scanSeconds"], CultureInfo.InvariantCulture)),
            Database = database,
            LogLevel = (string)values["log.level"],
            Warnings = UnknownKeys(document),
        };
    }

    private static object Value(TomlDocument document, string file, ConfigKey key)
    {
        var path = key.Path.Split('.');
        var table = document.GetValue([path[0]]);
        if (table is not null and not TomlTable)
        {
            var (line, column) = Place(document, [path[0]]);
            throw new ConfigException(file, line, column, path[0], $"this must be a table: write [{path[0]}] on its own line and the keys below it.");
        }

        var value = document.GetValue(path);
        if (value is null)
        {
            return key.Default;
        }

        var problem = !key.Accepts(value) ? $"this must be {key.KindDescription}." : key.Check(value);
        if (problem is not null)
        {
            var (line, column) = Place(document, path);
            throw new ConfigException(file, line, column, key.Path, problem);
        }

        return value;
    }

    /// <summary>The CA file, checked now: a missing or unreadable file stops the agent at start with the fix, not at the first upload.</summary>
    private static string? CaFile(TomlDocument document, InstancePaths paths, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var path = paths.Resolve(value);
        var problem = CloudTrust.Check(path);
        if (problem is not null)
        {
            var (line, column) = Place(document, ["cloud", "caFile"]);
            throw new ConfigException(paths.ConfigFile, line, column, "cloud.caFile", problem);
        }

        return path;
    }

    private static void CheckDatabase(TomlDocument document, string file, DatabaseSettings database)
    {
        string? missing = database.Type switch
        {
            "odbc" when database.Connection.Length == 0 => "database.connection",
            "sqlserver" or "mysql" or "postgresql" when database.Host.Length == 0 => "database.host",
            "sqlserver" or "mysql" or "postgresql" when database.Database.Length == 0 => "database.database",
            _ => null,
        };
        if (missing is not null)
        {
            var (line, column) = Place(document, ["database", "type"]);
            throw new ConfigException(file, line, column, missing, $"this is required when database.type is \"{database.Type}\".");
        }
    }

    /// <summary>Where the value at a path is written (or, with <paramref name="atKey"/>, its key); its [header] for a table.</summary>
    private static (int Line, int Column) Place(TomlDocument document, IReadOnlyList<string> path, bool atKey = false)
    {
        var entry = document.FindEntry(path);
        if (entry is not null)
        {
            return document.Position(atKey ? entry.KeyStart : entry.ValueStart);
        }

        var header = document.FindHeader(path);
        return header is not null ? document.Position(header.Start) : (1, 1);
    }

    private static List<ConfigWarning> UnknownKeys(TomlDocument document)
    {
        var warnings = new List<ConfigWarning>();
        Walk(document.Root, []);
        return warnings;

        void Walk(TomlTable table, List<string> prefix)
        {
            foreach (var entry in table)
            {
                var path = new List<string>(prefix) { entry.Key };
                var dotted = string.Join(".", path);
                if (ConfigSchema.Find(dotted) is not null)
                {
                    continue;
                }

                if (entry.Value is TomlTable nested && ConfigSchema.Keys.Any(key => key.Path.StartsWith(dotted + ".", StringComparison.Ordinal)))
                {
                    Walk(nested, path);
                    continue;
                }

                var (line, column) = Place(document, path, atKey: true);
                var suggestion = ConfigSchema.Suggest(dotted);
                warnings.Add(new ConfigWarning(dotted, line, column,
                    $"the key '{dotted}' is not known to this version and is ignored{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}"));
            }
        }
    }
}
