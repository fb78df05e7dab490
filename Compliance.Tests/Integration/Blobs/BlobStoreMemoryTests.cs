using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Compliance.Tests.Integration.Blobs;

/// <summary>Allocation is measured process-wide, so these run alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(BlobStoreMemoryTests), DisableParallelization = true)]
public sealed class BlobStoreMemoryCollection;

/// <summary>Content is streamed through either store, never held whole: a 64 MiB blob costs a fraction of that in allocations.</summary>
[Collection(nameof(BlobStoreMemoryTests))]
public sealed class BlobStoreMemoryTests : IAsyncLifetime
{
    private const int Payload = 64 * 1024 * 1024;
    private const long Budget = 16 * 1024 * 1024; // one 4 MiB Azure block and change; a whole copy would be 64 MiB

    private readonly string dataPath = Directory.CreateTempSubdirectory("compliance-blobs-").FullName;
    private readonly List<ServiceProvider> providers = [];

    [Theory]
    [InlineData(BlobProvider.FileSystem)]
    [InlineData(BlobProvider.Azure)]
    public async Task A_put_allocates_far_less_than_the_content(BlobProvider provider)
    {
        var store = await StoreAsync(provider);
        await store.PutAsync("warm-up", new GeneratedStream(Payload / 8, 1), Payload, CancellationToken.None);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await store.PutAsync("measured", new GeneratedStream(Payload, 2), Payload, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < Budget, $"A {Payload:N0}-byte put allocated {allocated:N0} bytes.");
    }

    [Theory]
    [InlineData(BlobProvider.FileSystem)]
    [InlineData(BlobProvider.Azure)]
    public async Task A_read_allocates_far_less_than_the_content(BlobProvider provider)
    {
        var store = await StoreAsync(provider);
        var stored = await store.PutAsync("measured", new GeneratedStream(Payload, 3), Payload, CancellationToken.None);
        await using (var warmUp = await store.OpenReadAsync("measured", stored.Sha256, CancellationToken.None)) await warmUp!.ReadExactlyAsync(new byte[1024]);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using (var read = await store.OpenReadAsync("measured", stored.Sha256, CancellationToken.None))
            Assert.Equal((stored.Sha256, (long)Payload), await GeneratedStream.HashAsync(read!));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < Budget, $"Reading {Payload:N0} bytes allocated {allocated:N0} bytes.");
    }

    private async Task<IBlobStore> StoreAsync(BlobProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["Compliance:DataPath"] = dataPath, ["Blobs:Provider"] = provider.ToString() };
        if (provider == BlobProvider.Azure)
        {
            var azurite = await AzuriteServer.InstanceAsync();
            settings["Blobs:Azure:ServiceUri"] = azurite.ServiceUri.AbsoluteUri;
            settings["Blobs:Azure:AccountName"] = AzuriteServer.AccountName;
            settings["Blobs:Azure:AccountKey"] = AzuriteServer.AccountKey;
            settings["Blobs:Azure:Container"] = $"memory-{Guid.NewGuid():N}";
        }
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddComplianceBlobs(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new HostingEnvironment { ContentRootPath = dataPath })
            .BuildServiceProvider();
        providers.Add(services);
        return services.GetRequiredService<IBlobStore>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Frees the emulator's memory too: Azurite keeps blobs in memory for the whole run.</summary>
    public async Task DisposeAsync()
    {
        foreach (var services in providers)
        {
            var store = services.GetRequiredService<IBlobStore>();
            foreach (var scope in new[] { "warm-up", "measured" })
                await foreach (var blob in store.ListAsync(scope, CancellationToken.None))
                    await store.DeleteAsync(scope, blob.Sha256, CancellationToken.None);
            await services.DisposeAsync();
        }
        Directory.Delete(dataPath, recursive: true);
    }
}
