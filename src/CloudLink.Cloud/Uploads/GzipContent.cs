using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace CloudLink.Cloud.Uploads;

/// <summary>
/// Whether a received window body is one complete gzip member, checked before it is stored: it
/// decompresses to its end, and its trailer's CRC-32 and length match what came out (a truncated
/// body otherwise decompresses without complaint to a shorter CSV).
/// </summary>
internal static class GzipContent
{
    private const int HeaderAndTrailer = 18;

    public static bool IsValid(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            if (file.Length < HeaderAndTrailer)
            {
                return false;
            }

            Span<byte> trailer = stackalloc byte[8];
            file.Seek(-8, SeekOrigin.End);
            file.ReadExactly(trailer);
            file.Seek(0, SeekOrigin.Begin);

            var crc = new Crc32();
            long length = 0;
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                crc.Append(buffer.AsSpan(0, read));
                length += read;
            }

            return crc.GetCurrentHashAsUInt32() == BinaryPrimitives.ReadUInt32LittleEndian(trailer) &&
                   (uint)length == BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
