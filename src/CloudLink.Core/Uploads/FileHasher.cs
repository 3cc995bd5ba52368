using System.Security.Cryptography;

namespace CloudLink.Core.Uploads;

public static class FileHasher
{
    /// <summary>
    /// Opens a user file for reading only, sharing it fully with writers and deleters: the agent
    /// must never stand in a user's way or change the file.
    /// </summary>
    public static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);

    public static string Sha256(Stream stream)
    {
        using var sha = SHA256.Create();
        return Hex.Lower(sha.ComputeHash(stream));
    }

    public static string Sha256(string path)
    {
        using var stream = OpenShared(path);
        return Sha256(stream);
    }
}
