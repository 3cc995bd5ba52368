using System.Globalization;
using CloudLink.Core.Localization;

namespace CloudLink.Core.Config;

/// <summary>Every key injixo-cloud-link.toml knows, with its default and its check.</summary>
public static class ConfigSchema
{
    public static readonly IReadOnlyList<string> DatabaseTypes = ["", "odbc", "sqlserver", "mysql", "postgresql"];
    public static readonly IReadOnlyList<string> LogLevels = ["debug", "information", "warning", "error"];

    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        new("app.name", ConfigValueKind.Text, AgentConfig.DefaultName,
            "Unique per instance on a host; names the service. Further instances: com.injixo.cloud-link.instance.1, .instance.2, ...",
            value => value is string { Length: >= 1 and <= 200 } name && name.Trim().Length > 0 && !name.Any(char.IsControl)
                ? null
                : "give the instance a name of 1 to 200 printable characters, e.g. \"com.injixo.cloud-link.instance.1\"."),
        new("app.verbose", ConfigValueKind.Boolean, false,
            "true: for database integrations, log per query the row count and the first ten rows."),
        new("app.importDirectory", ConfigValueKind.Text, ".",
            "Folder scanned for new *.csv files: absolute, or relative to the install folder. A Windows backslash is written twice: \"c:\\\\import\".",
            value => ((string)value).Trim().Length > 0 ? null : "give a folder, e.g. \".\" for the install folder or \"/var/lib/acd-export\"."),
        new("app.language", ConfigValueKind.Text, "auto",
            "Language of the PIN banner and messages: auto (the host's), en, de, nl, fr or es.",
            value => (string)value == "auto" || HostLanguage.Supported.Contains((string)value) ? null : "use auto, en, de, nl, fr or es."),
        new("cloud.url", ConfigValueKind.Text, AgentConfig.DefaultCloudUrl,
            "Address of the cloud this agent pairs with and uploads to: https://, or http:// only to a cloud on this machine.",
            value => Cloud.CloudAddress.Problem((string)value)),
        new("cloud.caFile", ConfigValueKind.Text, "",
            "PEM file of a private certificate authority the cloud's TLS certificate is issued by (absolute, or relative to the install folder); empty: the system's trusted authorities. The certificate is always checked.",
            value => ((string)value).Contains('\n') ? "give the path of a PEM file, e.g. \"/etc/ssl/corp-ca.pem\"." : null),
        new("csv.settleSeconds", ConfigValueKind.Number, 5L,
            "A file is uploaded once its size and modification time have not changed for this many seconds.",
            value => Seconds(value, 0)),
        new("csv.scanSeconds", ConfigValueKind.Number, 2L,
            "How often the import folder is scanned, in seconds.",
            value => Seconds(value, 0.05)),
        new("database.type", ConfigValueKind.Text, "",
            "How the local database is reached: odbc (database.connection), or sqlserver, mysql, postgresql (host, port, database, user, password).",
            value => DatabaseTypes.Contains((string)value) ? null : "use \"odbc\", \"sqlserver\", \"mysql\" or \"postgresql\"."),
        new("database.connection", ConfigValueKind.Text, "",
            "ODBC connection string or \"DSN=name\" (database.type = \"odbc\"). It stays on this server."),
        new("database.driver", ConfigValueKind.Text, "",
            "ODBC driver name for sqlserver, mysql and postgresql; empty for the usual driver of that database."),
        new("database.host", ConfigValueKind.Text, "", "Database server host name or address."),
        new("database.port", ConfigValueKind.WholeNumber, 0L, "Database server port; 0 for the database's default.",
            value => (long)value is >= 0 and <= 65535 ? null : "use a port from 1 to 65535, or 0 for the default."),
        new("database.database", ConfigValueKind.Text, "", "Name of the database."),
        new("database.user", ConfigValueKind.Text, "", "Database user."),
        new("database.password", ConfigValueKind.Text, "", "Database password; never sent to the cloud, masked in logs."),
        new("database.options", ConfigValueKind.Text, "", "Extra driver options appended to the connection string, e.g. \"DELIMIDENT=y\"."),
        new("database.queryApproval", ConfigValueKind.Text, "cloud",
            "Who decides which SQL runs with this server's database credentials: \"cloud\" (the integration's query runs as it comes; each new one is logged with its SHA-256) or \"local\" (a query runs only after 'injixo-cloud-link query approve' here; a changed query waits again).",
            value => (string)value is "cloud" or "local" ? null : "use \"cloud\" or \"local\"."),
        new("log.level", ConfigValueKind.Text, "information",
            "Least important messages written to the log: debug, information, warning or error.",
            value => LogLevels.Contains((string)value) ? null : "use debug, information, warning or error."),
    ];

    public static ConfigKey? Find(string path) => Keys.FirstOrDefault(key => key.Path == path);

    /// <summary>The known key nearest to a misspelt one, if any is close.</summary>
    public static string? Suggest(string path)
    {
        var best = Keys.Select(key => (key.Path, Distance: Distance(path.ToLowerInvariant(), key.Path.ToLowerInvariant())))
            .OrderBy(candidate => candidate.Distance).First();
        return best.Distance <= Math.Max(2, path.Length / 4) ? best.Path : null;
    }

    private static string? Seconds(object value, double minimum)
    {
        var seconds = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return seconds >= minimum && seconds <= 86400 ? null : $"use a number of seconds from {minimum.ToString(CultureInfo.InvariantCulture)} to 86400.";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
