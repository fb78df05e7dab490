using System.Net;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Blobs;

namespace Compliance.Tests.Integration.Blobs;

/// <summary>How the Azure store reports service failures that Azurite cannot produce, from a canned answer.</summary>
public sealed class AzureBlobStoreErrorTests
{
    [Theory]
    [InlineData(HttpStatusCode.InsufficientStorage, "")]
    [InlineData(HttpStatusCode.Forbidden, "ContainerQuotaExceeded")]
    public async Task A_capacity_failure_is_reported_as_store_full(HttpStatusCode status, string errorCode)
    {
        var store = StoreAnswering(status, errorCode);

        await Assert.ThrowsAsync<BlobStoreFullException>(() => store.PutAsync("scope", new GeneratedStream(10, 1), 100, CancellationToken.None));
    }

    [Fact]
    public async Task Any_other_failure_names_the_operation_and_status()
    {
        var store = StoreAnswering(HttpStatusCode.ServiceUnavailable, "ServerBusy");

        var failure = await Assert.ThrowsAsync<IOException>(() => store.ExistsAsync("scope", new string('a', 64), CancellationToken.None));

        Assert.Equal("Azure Blob Get Blob Properties answered 503 Service Unavailable (ServerBusy).", failure.Message);
    }

    private static AzureBlobStore StoreAnswering(HttpStatusCode status, string errorCode) =>
        new(new CannedClients(status, errorCode), new AzureBlobOptions(new Uri("http://127.0.0.1:9/devstoreaccount1"), AzuriteServer.AccountName, AzuriteServer.AccountKey, "evidence"), TimeProvider.System);

    private sealed class CannedClients(HttpStatusCode status, string errorCode) : IHttpClientFactory, IDisposable
    {
        private readonly HttpClient client = new(new Canned(status, errorCode));

        public HttpClient CreateClient(string name) => client;

        public void Dispose() => client.Dispose();
    }

    private sealed class Canned(HttpStatusCode status, string errorCode) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request };
            if (errorCode.Length > 0) response.Headers.TryAddWithoutValidation("x-ms-error-code", errorCode);
            return Task.FromResult(response);
        }
    }
}
