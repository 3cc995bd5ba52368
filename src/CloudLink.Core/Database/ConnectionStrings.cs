using System.Runtime.InteropServices;
using System.Text;
using CloudLink.Core.Config;

namespace CloudLink.Core.Database;

/// <summary>Builds ODBC connection strings from the [database] convenience forms, and masks secrets in them.</summary>
public static class ConnectionStrings
{
    public static string FromSettings(DatabaseSettings settings) => settings.Type switch
    {
        "odbc" => settings.Connection,
        "postgresql" => Build(settings, DefaultDriver("postgresql"), 5432, hostKey: "Server", databaseKey: "Database"),
        "mysql" => Build(settings, DefaultDriver("mysql"), 3306, hostKey: "Server", databaseKey: "Database"),
        "sqlserver" => Build(settings, DefaultDriver("sqlserver"), 1433, hostKey: "Server", databaseKey: "Database"),
        _ => throw new InvalidOperationException("No database is configured: set [database] type in injixo-cloud-link.toml, or pass --connection."),
    };

    /// <summary>Replaces the values of secret-bearing keys (PWD, Password, Token, ...) with ***, wherever a connection string is shown or logged.</summary>
    public static string Mask(string connectionString) => Secrets.SecretMask.ConnectionString(connectionString);

    /// <summary>A value written so that ';', '{' and '}' inside it cannot end it: {value} with '}' doubled.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([';', '{', '}', '=']) < 0 && value.Trim() == value ? value : "{" + value.Replace("}", "}}", StringComparison.Ordinal) + "}";

    private static string Build(DatabaseSettings settings, string defaultDriver, int defaultPort, string hostKey, string databaseKey)
    {
        var driver = settings.Driver.Length > 0 ? settings.Driver : defaultDriver;
        var port = settings.Port > 0 ? settings.Port : defaultPort;
        var text = new StringBuilder()
            .Append("DRIVER={").Append(driver.Replace("}", "}}", StringComparison.Ordinal)).Append("};")
            .Append(hostKey).Append('=').Append(Quote(settings.Host)).Append(';')
            .Append("Port=").Append(port).Append(';')
            .Append(databaseKey).Append('=').Append(Quote(settings.Database)).Append(';');
        if (settings.User.Length > 0)
        {
            text.Append("UID=").Append(Quote(settings.User)).Append(';');
        }

        if (settings.Password.Length > 0)
        {
            text.Append("PWD=").Append(Quote(settings.Password)).Append(';');
        }

        if (settings.Options.Length > 0)
        {
            text.Append(settings.Options.Trim().TrimEnd(';')).Append(';');
        }

        return text.ToString();
    }

    private static string DefaultDriver(string type)
    {
        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        return type switch
        {
            "postgresql" => windows ? "PostgreSQL Unicode(x64)" : "PostgreSQL Unicode",
            "mysql" => windows ? "MySQL ODBC 8.0 Unicode Driver" : "MariaDB Unicode",
            _ => windows ? "ODBC Driver 17 for SQL Server" : "FreeTDS",
        };
    }
}
