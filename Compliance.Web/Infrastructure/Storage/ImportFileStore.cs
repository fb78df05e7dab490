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
