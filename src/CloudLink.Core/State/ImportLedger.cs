using System.Text;
using System.Text.Json;

namespace CloudLink.Core.State;

/// <summary>
/// What this instance has imported, as an append-only journal of JSON lines. Each record is
/// written with one write and flushed to disk before the import counts as done, so a crash loses
/// at most the record being written. The file is read as a stream: memory is bounded by the number
/// of distinct files and contents, not by the file's size. Only the running agent, the state's one
/// writer (<see cref="StateLock"/>), repairs it: a torn or damaged line is then dropped and the file
/// rewritten atomically without it; everyone else reads it as it is and writes nothing. A dropped
/// record costs nothing: before uploading, the agent asks the cloud whether it already holds the content.
/// </summary>
public sealed class ImportLedger : IDisposable
{
    private readonly string _path;
    private readonly HashSet<string> _contents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerEntry> _latestByName = new(StringComparer.Ordinal);
    private FileStream? _append;

    private ImportLedger(string path) => _path = path;

    /// <summary>Records read from the file that were unreadable and dropped (torn by a crash, or damaged).</summary>
    public int DroppedRecords { get; private set; }

    /// <summary>Records of any kind, including files skipped as the same content.</summary>
    public int Count { get; private set; }

    /// <summary>Files whose content the cloud holds (sent now, or found there already).</summary>
    public int Imported { get; private set; }

    public DateTimeOffset? LastImportAt { get; private set; }

    /// <summary>Opens the ledger to write to it: for the running agent, which holds the state lock. A damaged line is dropped from the file.</summary>
    public static ImportLedger Open(string path) => Load(path, repair: true);

    /// <summary>Reads the ledger without ever writing it ('status', the cmdlets): a damaged line is only skipped.</summary>
    public static ImportLedger OpenForReading(string path) => Load(path, repair: false);

    private static ImportLedger Load(string path, bool repair)
    {
        var ledger = new ImportLedger(path);
        if (!File.Exists(path))
        {
            return ledger;
        }

        var unterminated = false;
        foreach (var (text, terminated) in LedgerLines.Read(path))
        {
            unterminated = !terminated;
            if (text is { Length: 0 })
            {
                continue;
            }

            if (text is not null && TryParse(text) is { } entry)
            {
                ledger.Remember(entry);
            }
            else
            {
                ledger.DroppedRecords++;
            }
        }

        if (repair && (ledger.DroppedRecords > 0 || unterminated))
        {
            AtomicFile.Write(path, WriteValidLines(path), privateFile: true);
        }

        return ledger;
    }

    /// <summary>Streams the readable records of <paramref name="path"/>, each with its newline, into the new file.</summary>
    private static Action<Stream> WriteValidLines(string path) => output =>
    {
        foreach (var (text, _) in LedgerLines.Read(path))
        {
            if (text is { Length: > 0 } && TryParse(text) is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(text + "\n");
                output.Write(bytes, 0, bytes.Length);
            }
        }
    };

    /// <summary>True if this integration already received (or already had) this content.</summary>
    public bool Contains(long integrationId, string sha256) => _contents.Contains(ContentKey(integrationId, sha256));

    /// <summary>True if the file was recorded with exactly this size and modification time, so it needs no new hash.</summary>
    public bool IsUnchanged(long integrationId, string name, long size, long modifiedTicks) =>
        _latestByName.TryGetValue(NameKey(integrationId, name), out var entry) &&
        entry.Size == size && entry.ModifiedTicks == modifiedTicks;

    /// <summary>Appends a record and flushes it to disk; only then does the import count as done.</summary>
    public void Record(LedgerEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, StateJson.Default.LedgerEntry) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        _append ??= OpenForAppend();
        var recorded = _append.Length;
        try
        {
            _append.Write(bytes, 0, bytes.Length);
            _append.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            // A full or failing disk may have taken part of the line: cut it off, so the ledger stays one
            // whole record per line and the import is simply recorded again once the disk allows.
            try
            {
                _append.SetLength(recorded);
            }
            catch (IOException)
            {
                _append.Dispose();
                _append = null; // the torn line is dropped when the ledger is next opened
            }

            throw new StateException(_path,
                $"cannot record the import of {entry.Name} ({e.Message}). Free space in {Path.GetDirectoryName(Path.GetFullPath(_path))} or fix its file system; " +
                "the file is checked again then, and as the cloud already holds it, it is not sent again.", e);
        }

        Remember(entry);
    }

    /// <summary>Opens the ledger for writing now, so that nothing is uploaded that could not be recorded (a read-only or unwritable state folder).</summary>
    public void EnsureWritable()
    {
        try
        {
            _append ??= OpenForAppend();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateException(_path, $"cannot be written ({e.Message}); nothing is uploaded until it can be.", e);
        }
    }

    public void Dispose() => _append?.Dispose();

    private FileStream OpenForAppend()
    {
        AtomicFile.EnsurePrivateFolder(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        return AtomicFile.OpenNew(_path, privateFile: true, FileMode.Append, bufferSize: 0);
    }

    private void Remember(LedgerEntry entry)
    {
        _contents.Add(ContentKey(entry.IntegrationId, entry.Sha256));
        _latestByName[NameKey(entry.IntegrationId, entry.Name)] = entry;
        Count++;
        if (entry.Result != LedgerResult.SameContent)
        {
            Imported++;
        }

        if (entry.Result == LedgerResult.Stored && (LastImportAt is null || entry.At > LastImportAt))
        {
            LastImportAt = entry.At;
        }
    }

    private static LedgerEntry? TryParse(string line)
    {
        try
        {
            var entry = JsonSerializer.Deserialize(line, StateJson.Default.LedgerEntry);
            return entry is { Sha256.Length: 64 } && entry.Name.Length > 0 ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ContentKey(long integrationId, string sha256) => integrationId + ":" + sha256;

    private static string NameKey(long integrationId, string name) => integrationId + ":" + name;
}
