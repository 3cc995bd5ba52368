using System.Globalization;
using CloudLink.Core.Instance;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace CloudLink.Core.Logging;

/// <summary>
/// The agent's log: injixo-cloud-link.log in the instance folder, rotated by <see cref="RotatingLogFile"/>;
/// a full disk or an unwritable log does not stop imports.
/// </summary>
public static class AgentLog
{
    public const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <param name="level">[log] level: debug, information, warning or error.</param>
    /// <param name="rotate">True for the running agent: the log rotates at start and at midnight.</param>
    public static LoggerConfiguration Configure(InstancePaths paths, string level, bool rotate = false, TimeProvider? time = null) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(level switch
            {
                "debug" => LogEventLevel.Debug,
                "warning" => LogEventLevel.Warning,
                "error" => LogEventLevel.Error,
                _ => LogEventLevel.Information,
            })
            .WriteTo.Sink(new RotatingLogFile(paths.Folder, new MessageTemplateTextFormatter(Template, CultureInfo.InvariantCulture), time ?? TimeProvider.System, rotate));
}
