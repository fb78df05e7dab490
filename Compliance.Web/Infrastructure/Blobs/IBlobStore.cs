namespace Compliance.Web.Infrastructure.Blobs;

/// <summary>A stored blob: content-addressed by the SHA-256 of its bytes (lower-case hex) within a scope.</summary>
public sealed record StoredBlob(string Scope, string Sha256, long Length);

/// <summary>Thrown when a blob's bytes no longer hash to its address: it was corrupted or tampered with at rest.</summary>
public sealed class BlobCorruptedException(string scope, string sha256)
    : IOException($"Blob {scope}/{sha256} is corrupted: its content no longer matches its SHA-256.");

/// <summary>Thrown when the store cannot take more bytes (disk full, quota).</summary>
public sealed class BlobStoreFullException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>
/// Where evidence files, disclosure PDFs and uploaded files live. Content-addressed: the same bytes put twice in one
/// scope are stored once. A scope keeps organizations apart (scope = organization id), so one tenant's deletions
/// never touch another's blobs. Selected by configuration (Blobs:Provider = FileSystem | Azure).
/// </summary>
public interface IBlobStore
{
    /// <summary>Streams <paramref name="content"/> in (never whole in memory), hashing it on the way; stores it under its hash.</summary>
    /// <param name="maxLength">Bytes beyond this are refused with <see cref="BlobTooLargeException"/> and nothing is stored.</param>
    Task<StoredBlob> PutAsync(string scope, Stream content, long maxLength, CancellationToken ct);

    /// <summary>
    /// Opens the blob for reading, or null when absent. The stream verifies the hash as it is read and throws
    /// <see cref="BlobCorruptedException"/> at the end if the bytes do not match their address.
    /// </summary>
    Task<Stream?> OpenReadAsync(string scope, string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string scope, string sha256, CancellationToken ct);

    /// <summary>Deletes the blob; false when it was not there.</summary>
    Task<bool> DeleteAsync(string scope, string sha256, CancellationToken ct);

    IAsyncEnumerable<StoredBlob> ListAsync(string scope, CancellationToken ct);
}

/// <summary>Thrown when a put exceeds its size limit; nothing was stored.</summary>
public sealed class BlobTooLargeException(long maxLength) : IOException($"The content is larger than the limit of {maxLength:N0} bytes.")
{
    public long MaxLength { get; } = maxLength;
}
