using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Compliance.Tests.Integration.Blobs;

/// <summary>
/// The behaviour every <see cref="IBlobStore"/> owes its callers, run once per store. Payloads come from
/// <see cref="GeneratedStream"/>, so large puts are streamed rather than handed over as one buffer.
/// </summary>
public abstract class BlobStoreContractTests : IAsyncLifetime
{
    private const long Unlimited = long.MaxValue;
    private const int FiveMiB = 5 * 1024 * 1024;
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string scope = Guid.NewGuid().ToString();
    private ServiceProvider services = null!;

    protected IBlobStore Store { get; private set; } = null!;

    /// <summary>Blobs:* settings for this store (Compliance:DataPath is set to a temp folder already).</summary>
    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    /// <summary>Replaces a stored blob's bytes behind the store's back.</summary>
    protected abstract Task CorruptAsync(string scope, string sha256, byte[] bytes);

    /// <summary>Everything the store keeps at rest, temporary and staging objects included.</summary>
    protected abstract Task<int> ObjectsAtRestAsync();

    /// <summary>Created by the store on first use, so a failed start leaves nothing behind.</summary>
    protected string DataPath { get; } = Path.Combine(Path.GetTempPath(), $"compliance-blobs-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        settings["Compliance:DataPath"] = DataPath;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddComplianceBlobs(configuration, new HostingEnvironment { ContentRootPath = DataPath })
            .BuildServiceProvider();
        Store = services.GetRequiredService<IBlobStore>();
    }

    public virtual async Task DisposeAsync()
    {
        await services.DisposeAsync();
        if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(4 * 1024 * 1024)] // exactly one Azure block
    [InlineData(10 * 1024 * 1024 + 12_345)]
    public async Task Put_then_OpenRead_round_trips_the_bytes_under_their_SHA256(long length)
    {
        var expected = await GeneratedStream.HashAsync(new GeneratedStream(length, 7));

        var stored = await Store.PutAsync(scope, new GeneratedStream(length, 7), Unlimited, None);

        Assert.Equal(new StoredBlob(scope, expected.Sha256, length), stored);
        await using var read = await Store.OpenReadAsync(scope, stored.Sha256, None);
        Assert.NotNull(read);
        Assert.Equal(expected, await GeneratedStream.HashAsync(read));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(FiveMiB)]
    public async Task The_same_content_put_twice_is_stored_once(long length)
    {
        var first = await Store.PutAsync(scope, new GeneratedStream(length, 11), Unlimited, None);
        var second = await Store.PutAsync(scope, new GeneratedStream(length, 11), Unlimited, None);

        Assert.Equal(first, second);
        Assert.Equal([first], await ListAsync(scope));
        Assert.Equal(1, await ObjectsAtRestAsync());
    }

    [Fact]
    public async Task Exists_is_true_for_a_stored_blob_only()
    {
        var stored = await PutAsync(1);

        Assert.True(await Store.ExistsAsync(scope, stored.Sha256, None));
        Assert.False(await Store.ExistsAsync(scope, new string('0', 64), None));
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_says_whether_it_was_there()
    {
        var stored = await PutAsync(1);

        Assert.True(await Store.DeleteAsync(scope, stored.Sha256, None));
        Assert.False(await Store.ExistsAsync(scope, stored.Sha256, None));
        Assert.Null(await Store.OpenReadAsync(scope, stored.Sha256, None));
        Assert.False(await Store.DeleteAsync(scope, stored.Sha256, None));
    }

    [Fact]
    public async Task An_absent_blob_opens_as_null()
    {
        Assert.Null(await Store.OpenReadAsync(scope, new string('a', 64), None));
        Assert.Empty(await ListAsync(scope));
    }

    [Fact]
    public async Task List_returns_the_blobs_of_its_scope_only()
    {
        var other = Guid.NewGuid().ToString();
        var expected = new[] { await PutAsync(1), await PutAsync(2), await PutAsync(3) };
        await Store.PutAsync(other, new GeneratedStream(100, 4), Unlimited, None);

        Assert.Equal(expected.OrderBy(b => b.Sha256), (await ListAsync(scope)).OrderBy(b => b.Sha256));
    }

    [Fact]
    public async Task Scopes_are_kept_apart_even_for_the_same_content()
    {
        var other = Guid.NewGuid().ToString();
        var mine = await PutAsync(5);
        await Store.PutAsync(other, new GeneratedStream(1_000, 5), Unlimited, None);

        await Store.DeleteAsync(scope, mine.Sha256, None);

        Assert.True(await Store.ExistsAsync(other, mine.Sha256, None));
        Assert.False(await Store.ExistsAsync(scope, mine.Sha256, None));
        Assert.Equal(2 - 1, await ObjectsAtRestAsync());
    }

    [Fact]
    public async Task Concurrent_puts_of_the_same_content_end_in_one_intact_blob()
    {
        var puts = Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.PutAsync(scope, new GeneratedStream(FiveMiB, 13), Unlimited, None)));
        var stored = await Task.WhenAll(puts);

        Assert.Single(stored.Distinct());
        Assert.Equal([stored[0]], await ListAsync(scope));
        Assert.Equal(1, await ObjectsAtRestAsync());
        await using var read = await Store.OpenReadAsync(scope, stored[0].Sha256, None);
        Assert.Equal((stored[0].Sha256, (long)FiveMiB), await GeneratedStream.HashAsync(read!));
    }

    [Theory]
    [InlineData(1_000, 999)]
    [InlineData(9 * 1024 * 1024, 8 * 1024 * 1024)] // refused after blocks were staged
    public async Task A_put_over_the_limit_is_refused_and_leaves_nothing(long length, long maxLength)
    {
        var refused = await Assert.ThrowsAsync<BlobTooLargeException>(() => Store.PutAsync(scope, new GeneratedStream(length, 17), maxLength, None));

        Assert.Equal(maxLength, refused.MaxLength);
        Assert.Empty(await ListAsync(scope));
        Assert.Equal(0, await ObjectsAtRestAsync());
    }

    [Fact]
    public async Task A_put_of_exactly_the_limit_is_accepted()
    {
        var stored = await Store.PutAsync(scope, new GeneratedStream(1_000, 19), 1_000, None);

        Assert.Equal(1_000, stored.Length);
    }

    [Fact]
    public async Task A_corrupted_blob_is_detected_when_read()
    {
        var stored = await PutAsync(23);
        var tampered = new byte[stored.Length];
        await new GeneratedStream(stored.Length, 29).ReadExactlyAsync(tampered);
        await CorruptAsync(scope, stored.Sha256, tampered);

        await using var read = await Store.OpenReadAsync(scope, stored.Sha256, None);

        var corrupted = await Assert.ThrowsAsync<BlobCorruptedException>(() => GeneratedStream.HashAsync(read!));
        Assert.Contains(stored.Sha256, corrupted.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../other-tenant")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("12345678-1234-1234-1234-123456789012-12345678-1234-1234-1234-1234")] // 65 characters
    public async Task An_invalid_scope_is_rejected(string badScope)
    {
        var sha256 = new string('a', 64);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(badScope, new GeneratedStream(10, 1), Unlimited, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(badScope, sha256, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(badScope, sha256, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(badScope, sha256, None));
        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(badScope));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // upper case
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 63 digits
    [InlineData("../aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_invalid_SHA256_is_rejected(string badSha256)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(scope, badSha256, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(scope, badSha256, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(scope, badSha256, None));
    }

    private Task<StoredBlob> PutAsync(ulong seed) => Store.PutAsync(scope, new GeneratedStream(1_000, seed), Unlimited, None);

    private async Task<List<StoredBlob>> ListAsync(string listed)
    {
        var blobs = new List<StoredBlob>();
        await foreach (var blob in Store.ListAsync(listed, None)) blobs.Add(blob);
        return blobs;
    }
}
