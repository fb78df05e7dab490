using System.Security.Cryptography;

namespace Compliance.Web.Infrastructure.Blobs;

/// <summary>
/// A read-only pass-through that hashes what is read and, at the end of the stream, throws
/// <see cref="BlobCorruptedException"/> when the bytes do not hash to the blob's address.
/// </summary>
public sealed class HashVerifyingStream(Stream inner, string scope, string sha256, IDisposable? owner = null) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool verified;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Seen(buffer, inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Seen(buffer.Span, read);
    }

    private int Seen(ReadOnlySpan<byte> buffer, int read)
    {
        if (read > 0) hash.AppendData(buffer[..read]);
        else if (buffer.Length > 0 && !verified)
        {
            verified = true;
            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256) throw new BlobCorruptedException(scope, sha256);
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner?.Dispose();
            hash.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync(); // Dispose(true): the owner and the hash
    }
}
