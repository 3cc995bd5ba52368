namespace CloudLink.Installer.CompoundFiles;

/// <summary>An entry of a compound file: a stream (bytes) or a storage (a class id and entries of its own).</summary>
internal abstract record CompoundEntry(string Name);

internal sealed record CompoundStream(string Name, byte[] Data) : CompoundEntry(Name);

internal sealed record CompoundStorage(string Name, Guid ClassId, IReadOnlyList<CompoundEntry> Entries) : CompoundEntry(Name)
{
    public CompoundStream? Stream(string name) => Entries.OfType<CompoundStream>().FirstOrDefault(e => e.Name == name);

    public CompoundStorage? Storage(string name) => Entries.OfType<CompoundStorage>().FirstOrDefault(e => e.Name == name);
}
