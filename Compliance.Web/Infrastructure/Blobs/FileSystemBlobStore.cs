using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Compliance.Web.Infrastructure.Blobs;

/// <summary>
/// Blobs as files: <c>{root}/{scope}/{ab}/{sha256}</c>. A put streams into a temp file in the scope's folder (same
/// file system, so the final rename is atomic) while hashing, then renames it to its address. Readers never see a
/// partial blob, and two puts of the same content race harmlessly: the loser finds it there, or replaces it with
/// identical bytes.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    private const int BufferSize = 81920;

    public string Root { get; } = root;

    public async Task<StoredBlob> PutAsync(string scope, Stream content, long maxLength, CancellationToken ct)
    {
        var folder = Path.Combine(Root, BlobAddress.Scope(scope));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".put-{Guid.NewGuid():N}");
        try
        {
            string sha256;
            long length = 0;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                while (await content.ReadAsync(buffer, ct) is var read and > 0)
                {
                    length = BlobAddress.Append(hash, buffer.AsSpan(0, read), length, maxLength);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true); // durable before it gets its name
                sha256 = BlobAddress.Hex(hash);
            }

            var path = PathOf(scope, sha256);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Move(temp, path, overwrite: true); // rename(2): atomic; a concurrent winner had the same bytes
            }
            return new StoredBlob(scope, sha256, length);
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            throw new BlobStoreFullException($"The blob store at {Root} is full.", e);
        }
        finally
        {
            File.Delete(temp); // no-op once renamed
        }
    }

    public Task<Stream?> OpenReadAsync(string scope, string sha256, CancellationToken ct)
    {
        try
        {
            var file = new FileStream(PathOf(scope, sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(new HashVerifyingStream(file, scope, sha256));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string scope, string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(scope, sha256)));

    public Task<bool> DeleteAsync(string scope, string sha256, CancellationToken ct)
    {
        var path = PathOf(scope, sha256);
        var existed = File.Exists(path);
        File.Delete(path);
        return Task.FromResult(existed);
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync(string scope, [EnumeratorCancellation] CancellationToken ct)
    {
        var folder = new DirectoryInfo(Path.Combine(Root, BlobAddress.Scope(scope)));
        if (!folder.Exists) yield break;
        foreach (var prefix in folder.EnumerateDirectories("??"))
        {
            foreach (var file in prefix.EnumerateFiles())
            {
                ct.ThrowIfCancellationRequested();
                if (BlobAddress.IsSha256(file.Name) && file.Name.StartsWith(prefix.Name, StringComparison.Ordinal))
                    yield return new StoredBlob(scope, file.Name, file.Length);
            }
            await Task.Yield(); // let a long listing share the thread
        }
    }

    private string PathOf(string scope, string sha256) =>
        Path.Combine(Root, BlobAddress.Scope(scope), BlobAddress.Sha256(sha256)[..2], sha256);

    /// <summary>ENOSPC (28) on Unix, where .NET puts the errno in HResult; ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    internal static bool IsDiskFull(IOException e) =>
        e.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027)
        || e.Message.Contains("No space left on device", StringComparison.Ordinal);
}
