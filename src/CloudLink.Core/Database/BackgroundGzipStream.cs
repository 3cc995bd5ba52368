using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Compression;

namespace CloudLink.Core.Database;

/// <summary>
/// A write-only stream that gzip-compresses on another thread, so reading rows and compressing
/// them use two cores. At most <see cref="QueuedChunks"/> chunks wait, which bounds memory;
/// a compression error surfaces on the next write or on dispose.
/// </summary>
public sealed class BackgroundGzipStream : Stream
{
    private const int QueuedChunks = 8;
    private readonly BlockingCollection<(byte[] Buffer, int Length)> _chunks = new(QueuedChunks);
    private readonly Task _compressor;
    private bool _disposed;

    public BackgroundGzipStream(Stream destination, CompressionLevel level = CompressionLevel.Fastest)
    {
        _compressor = Task.Factory.StartNew(() =>
        {
            using var gzip = new GZipStream(destination, level);
            foreach (var (buffer, length) in _chunks.GetConsumingEnumerable())
            {
                gzip.Write(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_compressor.IsFaulted)
        {
            _compressor.GetAwaiter().GetResult();
        }

        var chunk = ArrayPool<byte>.Shared.Rent(buffer.Length);
        buffer.CopyTo(chunk);
        try
        {
            _chunks.Add((chunk, buffer.Length));
        }
        catch (InvalidOperationException)
        {
            _compressor.GetAwaiter().GetResult();
            throw;
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _chunks.CompleteAdding();
            try
            {
                _compressor.GetAwaiter().GetResult();
            }
            finally
            {
                _chunks.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
