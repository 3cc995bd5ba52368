using System.Security.Cryptography;
using CloudLink.Cloud.Storage;

namespace CloudLink.Cloud.Uploads;

/// <summary>
/// Received contents on disk, addressed by SHA-256. A body is streamed to a temporary file while
/// it is hashed, flushed to disk, and only then moved to its final name.
/// </summary>
public sealed class BlobStore
{
    private readonly string _root;
    private readonly string _incoming;

    public BlobStore(string root)
    {
        _root = root;
        _incoming = Path.Combine(root, "incoming");
        PrivateFiles.CreateFolder(root);
        PrivateFiles.CreateFolder(_incoming);
    }

    public string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256);

    /// <summary>Streams <paramref name="body"/> to a temporary file; throws <see cref="UploadTooLargeException"/> past the limit.</summary>
    public async Task<IncomingBlob> ReceiveAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_incoming, Guid.NewGuid().ToString("N"));
        var incoming = new IncomingBlob(path);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(path, PrivateFiles.NewFile(1 << 16)))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int read;
                // The body is read without the request's abort token: cancelling a pending Kestrel body read
                // races with Kestrel draining the body when the request ends ("Reading is already in progress",
                // logged when an agent was killed mid-upload). An aborted connection fails the read anyway.
                while ((read = await body.ReadAsync(buffer, CancellationToken.None)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new UploadTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                incoming.Size = total;
            }

            incoming.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return incoming;
        }
        catch
        {
            incoming.Dispose();
            throw;
        }
    }

    /// <summary>Moves a verified body to its content address; a body already stored there is kept.</summary>
    public void Commit(IncomingBlob blob)
    {
        var target = PathOf(blob.Sha256);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            File.Move(blob.Path, target, overwrite: true);
        }
    }
}

/// <summary>A received body not yet committed; disposing removes it unless it was moved.</summary>
public sealed class IncomingBlob(string path) : IDisposable
{
    public string Path { get; } = path;
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";

    public void Dispose()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}

public sealed class UploadTooLargeException(long limit) : Exception($"The upload is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
