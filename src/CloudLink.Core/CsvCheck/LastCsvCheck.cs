using System.Text.Json;
using CloudLink.Core.Instance;
using CloudLink.Core.State;
using CloudLink.Protocol;

namespace CloudLink.Core.CsvCheck;

/// <summary>The agent's check of the last file it uploaded, as 'status' shows it.</summary>
public sealed class CsvCheckRecord
{
    public string FileName { get; set; } = "";
    public DateTimeOffset CheckedAt { get; set; }
    public CsvCheckReport Report { get; set; } = new();
}

/// <summary>Keeps the last <see cref="CsvCheckRecord"/> in the instance's private state (state/csv-check.json).</summary>
public sealed class LastCsvCheck(InstancePaths paths)
{
    private string FilePath => Path.Combine(paths.StateFolder, "csv-check.json");

    public void Save(CsvCheckRecord record) =>
        AtomicFile.Write(FilePath, JsonSerializer.SerializeToUtf8Bytes(record, StateJson.Default.CsvCheckRecord), privateFile: true);

    /// <summary>The record, or null when there is none or it cannot be read (it only informs).</summary>
    public CsvCheckRecord? Load()
    {
        try
        {
            return JsonSerializer.Deserialize(NoFollow.ReadAllBytes(FilePath), StateJson.Default.CsvCheckRecord);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or SymbolicLinkException)
        {
            return null;
        }
    }
}
