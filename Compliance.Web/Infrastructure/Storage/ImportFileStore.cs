using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Web.Infrastructure.Storage;

/// <summary>
/// Keeps uploaded supplier files until their import is done, where every instance can read them.
/// The filesystem store is the default; a blob store can take its place behind this interface.
/// </summary>
public interface IImportFileStore
{
    /// <summary>Stores the content under a new key and returns the key.</summary>
    Task<string> SaveAsync(Guid organizationId, Guid importId, Stream content, CancellationToken ct);

    /// <summary>A local file path with the content: the readers need to seek (XLSX) and to read twice (CSV).</summary>
    Task<string> LocalPathAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>Files under {DataPath}/imports/{organization}/{import}.upload.</summary>
public sealed class FileSystemImportFileStore(IConfiguration configuration, IHostEnvironment environment) : IImportFileStore
{
    private string Root => Path.Combine(Database.DataPath(configuration, environment), "imports");

    public async Task<string> SaveAsync(Guid organizationId, Guid importId, Stream content, CancellationToken ct)
    {
        var key = $"{organizationId:N}/{importId:N}.upload";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, ct);
            return key;
        }
        catch
        {
            File.Delete(path); // no half-stored uploads
            throw;
        }
    }

    public Task<string> LocalPathAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return File.Exists(path) ? Task.FromResult(path) : throw new FileNotFoundException($"The uploaded file '{key}' is no longer stored.");
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        // Keys are ours, but never let one leave the folder.
        var path = Path.GetFullPath(Path.Combine(Root, key));
        return path.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path : throw new InvalidOperationException($"Import file key '{key}' is outside the store.");
    }
}

/// <summary>
/// Uploaded files in the shared blob store (chosen when Blobs:Provider is Azure), so that an import started on one
/// instance can be finished by another whose local disk never saw the upload. The readers need a local file; each
/// instance copies the blob into its own cache folder once, checking its SHA-256 on the way.
/// </summary>
public sealed class BlobImportFileStore(Blobs.IBlobStore blobs, IConfiguration configuration, IHostEnvironment environment) : IImportFileStore
{
    private string Cache => Path.Combine(Database.DataPath(configuration, environment), "imports-cache");

    public async Task<string> SaveAsync(Guid organizationId, Guid importId, Stream content, CancellationToken ct)
    {
        var stored = await blobs.PutAsync(Scope(organizationId), content, long.MaxValue, ct);
        return $"{organizationId:N}/{stored.Sha256}";
    }

    public async Task<string> LocalPathAsync(string key, CancellationToken ct)
    {
        var (scope, sha256) = Parse(key);
        var path = Path.Combine(Cache, scope, sha256);
        if (File.Exists(path)) return path;
        await using var source = await blobs.OpenReadAsync(scope, sha256, ct) ?? throw new FileNotFoundException($"The uploaded file '{key}' is no longer stored.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await source.CopyToAsync(file, ct); // the blob stream throws at the end if the bytes do not match their hash
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        return path;
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        var (scope, sha256) = Parse(key);
        File.Delete(Path.Combine(Cache, scope, sha256));
        await blobs.DeleteAsync(scope, sha256, ct);
    }

    // Uploads are kept apart from evidence (another scope), so deleting a finished upload never touches an evidence file.
    private static string Scope(Guid organizationId) => $"imports-{organizationId:N}";

    private static (string Scope, string Sha256) Parse(string key) =>
        key.Split('/') is [var organization, var sha256] && Guid.TryParseExact(organization, "N", out var id) && Blobs.BlobAddress.IsSha256(sha256)
            ? (Scope(id), sha256)
            : throw new InvalidOperationException($"Import file key '{key}' is not a blob key.");
}
