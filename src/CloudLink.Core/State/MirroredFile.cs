namespace CloudLink.Core.State;

/// <summary>
/// A state file kept twice, FILE and FILE.bak, each written atomically, the copy after the file.
/// Damage to one (a bad sector, an editor, a copy cut short) is survived by reading the other.
/// A missing FILE means no state, whatever the copy holds: deleting FILE is how people reset it.
/// </summary>
public static class MirroredFile
{
    public static string CopyOf(string path) => path + ".bak";

    public static void Write(string path, byte[] content, bool privateFile)
    {
        AtomicFile.Write(path, content, privateFile);
        AtomicFile.Write(CopyOf(path), content, privateFile);
    }

    /// <summary>Deletes the file and its copy.</summary>
    public static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(CopyOf(path));
    }

    /// <summary>
    /// Parses FILE, or its copy when FILE is damaged (<paramref name="parse"/> threw <typeparamref name="TDamage"/>),
    /// and then, if <paramref name="restore"/> (the state's writer only), writes the copy back over FILE.
    /// Returns null when FILE does not exist. When both are damaged, the last damage is thrown.
    /// </summary>
    public static T? Read<T, TDamage>(string path, Func<byte[], T> parse, Action<TDamage> usedCopy, bool restore = true)
        where T : class
        where TDamage : Exception
    {
        byte[] content;
        try
        {
            content = NoFollow.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return parse(content);
        }
        catch (TDamage damage) when (File.Exists(CopyOf(path)))
        {
            var copy = NoFollow.ReadAllBytes(CopyOf(path));
            var value = parse(copy);
            usedCopy(damage);
            if (restore)
            {
                AtomicFile.Write(path, copy, privateFile: true);
            }

            return value;
        }
    }
}
