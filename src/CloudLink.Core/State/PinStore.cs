using System.Text.Json;
using CloudLink.Core.Instance;

namespace CloudLink.Core.State;

/// <summary>The current PIN, so that 'pin' can show what the running agent is waiting for.</summary>
public sealed class PinStore(InstancePaths paths)
{
    public PinRecord? Load()
    {
        try
        {
            return JsonSerializer.Deserialize(NoFollow.ReadAllBytes(paths.PinFile), StateJson.Default.PinRecord);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Not secret and re-requestable: a missing or damaged PIN file just means asking for a new PIN.
            return null;
        }
    }

    public void Save(PinRecord record)
    {
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        AtomicFile.Write(paths.PinFile, JsonSerializer.SerializeToUtf8Bytes(record, StateJson.Default.PinRecord), privateFile: true);
    }

    public void Delete() => File.Delete(paths.PinFile);
}
