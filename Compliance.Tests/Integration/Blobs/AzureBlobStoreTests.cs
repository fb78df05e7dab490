using System.Xml.Linq;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Compliance.Tests.Integration.Blobs;

/// <summary>The contract against Azurite on loopback; each test class instance gets its own container.</summary>
public sealed class AzureBlobStoreTests : BlobStoreContractTests
{
    private readonly string container = $"test-{Guid.NewGuid():N}";
    private readonly SharedKey sharedKey = new(AzuriteServer.AccountName, AzuriteServer.AccountKey);
    private static readonly HttpClient Raw = new();
    private AzuriteServer azurite = null!;

    private string ContainerUri => $"{azurite.ServiceUri.AbsoluteUri.TrimEnd('/')}/{container}";

    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        azurite = await AzuriteServer.InstanceAsync();
        return Settings(AzuriteServer.AccountKey);
    }

    private Dictionary<string, string?> Settings(string accountKey) => new()
    {
        ["Blobs:Provider"] = "Azure",
        ["Blobs:Azure:ServiceUri"] = azurite.ServiceUri.AbsoluteUri,
        ["Blobs:Azure:AccountName"] = AzuriteServer.AccountName,
        ["Blobs:Azure:AccountKey"] = accountKey,
        ["Blobs:Azure:Container"] = container,
    };

    /// <summary>A raw Put Blob of other bytes under the same name.</summary>
    protected override async Task CorruptAsync(string scope, string sha256, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{ContainerUri}/{scope}/{sha256}") { Content = new ByteArrayContent(bytes) };
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        using var response = await SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every blob in the container, staging ones and blobs with only uncommitted blocks included.</summary>
    protected override async Task<int> ObjectsAtRestAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ContainerUri}?restype=container&comp=list&include=uncommittedblobs");
        using var response = await SendAsync(request);
        response.EnsureSuccessStatusCode();
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants("Blob").Count();
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_key_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(Convert.ToBase64String(new byte[64]))).Build();
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddComplianceBlobs(configuration, new HostingEnvironment { ContentRootPath = DataPath })
            .BuildServiceProvider();
        var store = services.GetRequiredService<IBlobStore>();

        var refused = await Assert.ThrowsAsync<IOException>(() => store.PutAsync(Guid.NewGuid().ToString(), new GeneratedStream(10, 1), 100, CancellationToken.None));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_follows_the_continuation_marker_across_pages()
    {
        var options = new AzureBlobOptions(azurite.ServiceUri, AzuriteServer.AccountName, AzuriteServer.AccountKey, container);
        var store = new AzureBlobStore(new RawClients(), options, TimeProvider.System) { ListPageSize = 2 };
        var scope = Guid.NewGuid().ToString();
        var expected = new List<StoredBlob>();
        for (var seed = 1UL; seed <= 5; seed++) expected.Add(await store.PutAsync(scope, new GeneratedStream(100, seed), 100, CancellationToken.None));

        var listed = new List<StoredBlob>();
        await foreach (var blob in store.ListAsync(scope, CancellationToken.None)) listed.Add(blob);

        Assert.Equal(expected.OrderBy(b => b.Sha256), listed.OrderBy(b => b.Sha256));
    }

    [Fact]
    public void The_options_never_print_the_account_key()
    {
        var options = new AzureBlobOptions(azurite.ServiceUri, AzuriteServer.AccountName, AzuriteServer.AccountKey, container);

        Assert.DoesNotContain(AzuriteServer.AccountKey, options.ToString(), StringComparison.Ordinal);
    }

    private sealed class RawClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => Raw;
    }

    public override async Task DisposeAsync()
    {
        using (var request = new HttpRequestMessage(HttpMethod.Delete, $"{ContainerUri}?restype=container"))
        using (await SendAsync(request)) { }
        await base.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        sharedKey.Sign(request, DateTimeOffset.UtcNow);
        return Raw.SendAsync(request);
    }
}
