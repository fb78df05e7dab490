using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Compliance.Web.Infrastructure.Blobs;

/// <summary>Blobs:Azure:* settings.</summary>
public sealed record AzureBlobOptions(Uri ServiceUri, string AccountName, string AccountKey, string Container)
{
    /// <summary>Without the key: options end up in logs and exception messages.</summary>
    public override string ToString() => $"{nameof(AzureBlobOptions)} {{ ServiceUri = {ServiceUri}, AccountName = {AccountName}, Container = {Container} }}";
}

/// <summary>
/// Azure Blob Storage through its REST API, signed with SharedKey. Blobs are named <c>{scope}/{sha256}</c> in one container.
/// The name is only known once the whole content has been hashed, and Azure has no rename, so a put reads one block
/// (4 MiB) at a time: content that ends within the first block is hashed and sent with one Put Blob under its final
/// name; longer content is staged block by block on a temporary blob (<c>.staging/{guid}</c>, outside every scope's
/// prefix), committed, copied server-side to its final name and the temporary deleted. Memory stays at one block;
/// both writes to the final name carry <c>If-None-Match: *</c>, so a concurrent put of the same content finds it there.
/// </summary>
public sealed class AzureBlobStore(IHttpClientFactory clients, AzureBlobOptions options, TimeProvider time) : IBlobStore
{
    public const string HttpClientName = "Compliance.Blobs.Azure";
    internal const int BlockSize = 4 * 1024 * 1024;
    private const string StagingPrefix = ".staging/";

    private readonly SharedKey sharedKey = new(options.AccountName, options.AccountKey);
    private readonly string containerUri = $"{options.ServiceUri.AbsoluteUri.TrimEnd('/')}/{options.Container}";
    private volatile bool containerExists;

    /// <summary>List Blobs maxresults (the service's own maximum is 5,000).</summary>
    internal int ListPageSize { get; init; } = 5000;

    public async Task<StoredBlob> PutAsync(string scope, Stream content, long maxLength, CancellationToken ct)
    {
        BlobAddress.Scope(scope);
        await EnsureContainerAsync(ct);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var read = await BlobAddress.FillAsync(content, buffer.AsMemory(0, BlockSize), ct);
            var length = BlobAddress.Append(hash, buffer.AsSpan(0, read), 0, maxLength);
            if (read < BlockSize)
            {
                var sha256 = BlobAddress.Hex(hash);
                await PutBlobAsync(BlobUri(scope, sha256), new ReadOnlyMemoryContent(buffer.AsMemory(0, read)), ct);
                return new StoredBlob(scope, sha256, length);
            }
            return await PutStagedAsync(scope, content, hash, buffer, length, maxLength, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The first block is in <paramref name="buffer"/>; stage it and the rest on a temporary blob, then copy it to its address.</summary>
    private async Task<StoredBlob> PutStagedAsync(string scope, Stream content, IncrementalHash hash, byte[] buffer, long length, long maxLength, CancellationToken ct)
    {
        var staging = $"{containerUri}/{StagingPrefix}{Guid.NewGuid():N}";
        var blockIds = new List<string>();
        try
        {
            var read = BlockSize;
            while (read > 0)
            {
                // Put Block: ids are Base64 of equal length within a blob.
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)));
                await SendOkAsync("Put Block", HttpMethod.Put, $"{staging}?comp=block&blockid={Uri.EscapeDataString(blockId)}", new ReadOnlyMemoryContent(buffer.AsMemory(0, read)), ct);
                blockIds.Add(blockId);
                read = await BlobAddress.FillAsync(content, buffer.AsMemory(0, BlockSize), ct);
                length = BlobAddress.Append(hash, buffer.AsSpan(0, read), length, maxLength);
            }
            await CommitAsync(staging, blockIds, ct);
            var sha256 = BlobAddress.Hex(hash);
            var target = BlobUri(scope, sha256);
            await CopyAsync(staging, target, ct);
            await SendOkAsync("Delete Blob", HttpMethod.Delete, staging, null, ct);
            return new StoredBlob(scope, sha256, length);
        }
        catch
        {
            await DiscardAsync(staging);
            throw;
        }
    }

    private Task CommitAsync(string blob, IEnumerable<string> blockIds, CancellationToken ct)
    {
        var body = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        return SendOkAsync("Put Block List", HttpMethod.Put, $"{blob}?comp=blocklist", new StringContent(body.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "application/xml"), ct);
    }

    /// <summary>Copy Blob within the account; same-account copies usually finish at once, otherwise poll x-ms-copy-status.</summary>
    private async Task CopyAsync(string source, string target, CancellationToken ct)
    {
        using var copy = Request(HttpMethod.Put, target);
        copy.Headers.TryAddWithoutValidation("x-ms-copy-source", source);
        copy.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await SendAsync(copy, HttpCompletionOption.ResponseContentRead, ct);
        // Already there: a concurrent put of the same content may still be copying it, so wait for that copy as for ours.
        var status = AlreadyThere(response) ? "pending" : CopyStatus(EnsureSuccess("Copy Blob", response));
        while (status == "pending")
        {
            using var poll = Request(HttpMethod.Head, target);
            using var properties = await SendAsync(poll, HttpCompletionOption.ResponseHeadersRead, ct);
            status = CopyStatus(EnsureSuccess("Get Blob Properties", properties));
            if (status == "pending") await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
        }
        if (status != "success") throw new IOException($"Azure Blob Copy Blob to {target} ended with status '{status}'.");
    }

    /// <summary>Removes a staging blob after a failed put: an empty Put Block List drops its uncommitted blocks, then it is deleted.</summary>
    private async Task DiscardAsync(string staging)
    {
        try
        {
            await CommitAsync(staging, [], CancellationToken.None);
            using var request = Request(HttpMethod.Delete, staging);
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The put's own failure is the one to report; an orphaned staging blob is outside every scope.
        }
    }

    /// <summary>Put Blob under a content address; "already exists" means the same bytes are there.</summary>
    private async Task PutBlobAsync(string uri, HttpContent content, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Put, uri, content);
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (!AlreadyThere(response)) EnsureSuccess("Put Blob", response);
    }

    public async Task<Stream?> OpenReadAsync(string scope, string sha256, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, BlobUri(scope, sha256));
        var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }
        try
        {
            EnsureSuccess("Get Blob", response);
            return new HashVerifyingStream(await response.Content.ReadAsStreamAsync(ct), scope, sha256, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string scope, string sha256, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Head, BlobUri(scope, sha256));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        EnsureSuccess("Get Blob Properties", response);
        return true;
    }

    public async Task<bool> DeleteAsync(string scope, string sha256, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Delete, BlobUri(scope, sha256));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        EnsureSuccess("Delete Blob", response);
        return true;
    }

    /// <summary>List Blobs with prefix "{scope}/", following NextMarker page by page.</summary>
    public async IAsyncEnumerable<StoredBlob> ListAsync(string scope, [EnumeratorCancellation] CancellationToken ct)
    {
        var prefix = BlobAddress.Scope(scope) + "/";
        var marker = "";
        do
        {
            var uri = $"{containerUri}?restype=container&comp=list&prefix={Uri.EscapeDataString(prefix)}&maxresults={ListPageSize}"
                      + (marker.Length > 0 ? $"&marker={Uri.EscapeDataString(marker)}" : "");
            XDocument page;
            using var request = Request(HttpMethod.Get, uri);
            using (var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct))
            {
                if (response.StatusCode == HttpStatusCode.NotFound) yield break; // no container yet: nothing stored
                EnsureSuccess("List Blobs", response);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                page = await XDocument.LoadAsync(body, LoadOptions.None, ct);
            }
            foreach (var blob in page.Descendants("Blob"))
            {
                var name = (string?)blob.Element("Name") ?? "";
                var sha256 = name[prefix.Length..];
                if (name.StartsWith(prefix, StringComparison.Ordinal) && BlobAddress.IsSha256(sha256))
                    yield return new StoredBlob(scope, sha256, (long?)blob.Element("Properties")?.Element("Content-Length") ?? 0);
            }
            marker = (string?)page.Root?.Element("NextMarker") ?? "";
        } while (marker.Length > 0);
    }

    /// <summary>Create Container on first use; "already exists" is as good.</summary>
    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (containerExists) return;
        using var request = Request(HttpMethod.Put, $"{containerUri}?restype=container");
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode != HttpStatusCode.Conflict) EnsureSuccess("Create Container", response);
        containerExists = true;
    }

    private string BlobUri(string scope, string sha256) => $"{containerUri}/{BlobAddress.Scope(scope)}/{BlobAddress.Sha256(sha256)}";

    private static HttpRequestMessage Request(HttpMethod method, string uri, HttpContent? content = null) =>
        new(method, uri) { Content = content };

    private async Task SendOkAsync(string operation, HttpMethod method, string uri, HttpContent? content, CancellationToken ct)
    {
        using var request = Request(method, uri, content);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        EnsureSuccess(operation, response);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        sharedKey.Sign(request, time.GetUtcNow());
        return clients.CreateClient(HttpClientName).SendAsync(request, completion, ct);
    }

    /// <summary>If-None-Match: * refused because the blob exists (409 BlobAlreadyExists, or 412 from some versions).</summary>
    private static bool AlreadyThere(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed
        && ErrorCode(response) is "BlobAlreadyExists" or "ConditionNotMet" or "TargetConditionNotMet";

    /// <summary>x-ms-copy-status of a copy destination; a blob that was never copied (plain Put Blob) is complete.</summary>
    private static string CopyStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-copy-status", out var values) ? values.First() : "success";

    private static HttpResponseMessage EnsureSuccess(string operation, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return response;
        var code = ErrorCode(response);
        var message = $"Azure Blob {operation} answered {(int)response.StatusCode} {response.ReasonPhrase}{(code.Length > 0 ? $" ({code})" : "")}.";
        // Capacity: 507 from gateways and emulators, or an account/container quota error code.
        if (response.StatusCode == HttpStatusCode.InsufficientStorage || code.Contains("Quota", StringComparison.Ordinal) || code.Contains("CapacityExceeds", StringComparison.Ordinal))
            throw new BlobStoreFullException(message);
        throw new IOException(message);
    }

    private static string ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.First() : "";
}
