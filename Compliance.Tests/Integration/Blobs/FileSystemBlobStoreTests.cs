using Compliance.Web.Infrastructure.Blobs;

namespace Compliance.Tests.Integration.Blobs;

public sealed class FileSystemBlobStoreTests : BlobStoreContractTests
{
    private string Root => Path.Combine(DataPath, "blobs");

    protected override Task<Dictionary<string, string?>> SettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Blobs:Provider"] = "FileSystem" });

    protected override Task CorruptAsync(string scope, string sha256, byte[] bytes) =>
        File.WriteAllBytesAsync(Path.Combine(Root, scope, sha256[..2], sha256), bytes);

    protected override Task<int> ObjectsAtRestAsync() =>
        Task.FromResult(Directory.Exists(Root) ? Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Count() : 0);

    [Fact]
    public async Task A_blob_is_a_file_under_DataPath_blobs_scope_prefix_hash()
    {
        var scope = Guid.NewGuid().ToString();
        var stored = await Store.PutAsync(scope, new MemoryStream("evidence"u8.ToArray()), 100, CancellationToken.None);

        Assert.Equal("evidence"u8.ToArray(), await File.ReadAllBytesAsync(Path.Combine(Root, scope, stored.Sha256[..2], stored.Sha256)));
    }

    [Fact]
    public void A_full_disk_is_recognised_from_the_runtime_error()
    {
        // /dev/full answers every write with ENOSPC: the real exception the runtime raises on a full disk.
        var full = Assert.ThrowsAny<IOException>(() =>
        {
            using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            device.Write(new byte[16]);
        });

        Assert.True(FileSystemBlobStore.IsDiskFull(full), $"HResult {full.HResult}: {full.Message}");
        Assert.False(FileSystemBlobStore.IsDiskFull(new FileNotFoundException("missing")));
    }
}
