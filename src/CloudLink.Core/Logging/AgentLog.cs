using System.Globalization;
using CloudLink.Core.Instance;
using Serilog;
using Serilog.Events;

namespace CloudLink.Core.Logging;

/// <summary>
/// The agent's log: injixo-cloud-link.log in the instance folder. Serilog's file sink never throws
/// into the caller, so a full disk or an unwritable log does not stop imports.
/// </summary>
public static class AgentLog
{
    public const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <param name="level">[log] level: debug, information, warning or error.</param>
    public static LoggerConfiguration Configure(InstancePaths paths, string level) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(level switch
            {
                "debug" => LogEventLevel.Debug,
                "warning" => LogEventLevel.Warning,
                "error" => LogEventLevel.Error,
                _ => LogEventLevel.Information,
            })
            .WriteTo.File(paths.LogFile, outputTemplate: Template, formatProvider: CultureInfo.InvariantCulture, shared: true, flushToDiskInterval: TimeSpan.FromSeconds(1));
}
