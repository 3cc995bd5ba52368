using System.Security.Cryptography;
using System.Text;

namespace CloudLink.Core.Install;

/// <summary>
/// RFC 4122 version 5 GUIDs: the same namespace and name always give the same GUID, so every
/// build of a version has the same product and component codes, and nobody keeps a list of them.
/// </summary>
public static class NameBasedGuid
{
    public static Guid Create(Guid space, string name)
    {
        var spaceBytes = ToNetworkOrder(space.ToByteArray());
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[spaceBytes.Length + nameBytes.Length];
        spaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, spaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 names for version 5; nothing here is a secret.
#if NETSTANDARD2_0
        using var sha1 = SHA1.Create();
        var hash = sha1.ComputeHash(input);
#else
        var hash = SHA1.HashData(input);
#endif
#pragma warning restore CA5350
        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(ToNetworkOrder(bytes));
    }

    /// <summary>Guid.ToByteArray keeps the first three fields little-endian; RFC 4122 hashes them big-endian (and back).</summary>
    private static byte[] ToNetworkOrder(byte[] bytes)
    {
        Array.Reverse(bytes, 0, 4);
        Array.Reverse(bytes, 4, 2);
        Array.Reverse(bytes, 6, 2);
        return bytes;
    }
}
