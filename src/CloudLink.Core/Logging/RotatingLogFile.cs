using System.Text;
using CloudLink.Core.State;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace CloudLink.Core.Logging;

/// <summary>
/// The agent's log file. The current log is injixo-cloud-link.log; at every start of the agent
/// and at local midnight it is renamed to injixo-cloud-link.YYYY-MM-DD.N.log (the day its lines
/// were written; N counts up from 1 and never overwrites). Logs are never deleted here. A write
/// that fails (full disk, no permission) is dropped without disturbing the caller; the file is
/// tried again a few seconds later and a line then says how many messages were lost.
/// </summary>
public sealed class RotatingLogFile : ILogEventSink, IDisposable
{
    public const string CurrentName = "injixo-cloud-link.log";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly string _folder;
    private readonly ITextFormatter _formatter;
    private readonly TimeProvider _time;
    private readonly bool _rotate;
    private readonly object _gate = new();
    private StreamWriter? _writer;
    private DateTime _day;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private long _lost;
    private string? _lostReason;

    /// <param name="rotate">True for the running agent: rotate now and at midnight. Commands such as 'pin' only append.</param>
    public RotatingLogFile(string folder, ITextFormatter formatter, TimeProvider time, bool rotate)
    {
        _folder = folder;
        _formatter = formatter;
        _time = time;
        _rotate = rotate;
        _day = LocalNow().Date;
        if (rotate)
        {
            TryRotate(CurrentPath, dayOfContent: null);
        }
    }

    public string CurrentPath => Path.Combine(_folder, CurrentName);

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            var now = LocalNow();
            if (_rotate && now.Date != _day)
            {
                Close();
                TryRotate(CurrentPath, _day);
                _day = now.Date;
            }

            if (_writer is null && !TryOpen())
            {
                _lost++;
                return;
            }

            try
            {
                if (_lost > 0)
                {
                    _writer!.Write($"{now:yyyy-MM-dd HH:mm:ss.fff zzz} [WRN] {_lost} log message(s) were lost while the log could not be written ({_lostReason}).{Environment.NewLine}");
                    _lost = 0;
                }

                _formatter.Format(logEvent, _writer!);
                _writer!.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(e);
                _lost++;
            }
        }
    }

    /// <summary>The file name a rotated log of <paramref name="day"/> gets: the first free N from 1.</summary>
    public static string RotatedPath(string folder, DateTime day)
    {
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(folder, $"injixo-cloud-link.{day:yyyy-MM-dd}.{n}.log");
            if (!File.Exists(path))
            {
                return path;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }

    private DateTime LocalNow() => _time.GetLocalNow().DateTime;

    private void TryRotate(string current, DateTime? dayOfContent)
    {
        try
        {
            var info = new FileInfo(current);
            if (!info.Exists || info.Length == 0)
            {
                return;
            }

            var day = dayOfContent ?? info.LastWriteTime.Date;
            var target = RotatedPath(_folder, day);
            File.Move(current, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not rotated now: the lines go on in the current file, and the next rotation takes them.
            _lostReason = e.Message;
        }
    }

    private bool TryOpen()
    {
        var now = _time.GetUtcNow();
        if (now < _retryAt)
        {
            return false;
        }

        try
        {
            Directory.CreateDirectory(_folder);
            var stream = OpenPrivate(CurrentPath);
            _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
            return false;
        }
    }

    /// <summary>
    /// The log is 0640 (owner and the owner's group: the service user, and admins given that group):
    /// it holds PINs and, with verbose on, rows of the database. A log from before is made so too.
    /// A symbolic link in its place is refused: whoever may add files to the folder cannot make the
    /// agent append its lines to another file.
    /// </summary>
    private static FileStream OpenPrivate(string path)
    {
        if (!NativeUnix.IsUnix)
        {
            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        }

        var handle = NativeUnix.OpenAppend(path, LogMode, out var errno);
        return handle is not null
            ? new FileStream(handle, FileAccess.Write)
            : throw (errno == NativeUnix.TooManyLinks
                ? new IOException($"{path} is a symbolic link; the agent writes its log only to a regular file in its place. Remove the link.")
                : new IOException($"{path} cannot be opened: {new System.ComponentModel.Win32Exception(errno).Message} (errno {errno})"));
    }

    private const int LogMode = 0x1A0; // 0640

    private void Fail(Exception e)
    {
        _lostReason = e.Message;
        _retryAt = _time.GetUtcNow() + RetryAfter;
        Close();
    }

    private void Close()
    {
        try
        {
            _writer?.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        _writer = null;
    }
}
