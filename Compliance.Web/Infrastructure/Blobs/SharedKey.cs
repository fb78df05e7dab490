using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Compliance.Web.Infrastructure.Blobs;

/// <summary>
/// Signs a Blob service request with the account key: "Authorize with Shared Key", Blob service version 2009-09-19
/// and later (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
/// </summary>
public sealed class SharedKey(string accountName, string accountKey)
{
    public const string Version = "2021-08-06";

    private readonly byte[] key = Convert.FromBase64String(accountKey);

    public string AccountName { get; } = accountName;

    public void Sign(HttpRequestMessage request, DateTimeOffset now)
    {
        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-version");
        request.Headers.TryAddWithoutValidation("x-ms-date", now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-ms-version", Version);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(StringToSign(request))));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {AccountName}:{signature}");
    }

    internal string StringToSign(HttpRequestMessage request)
    {
        var content = request.Content?.Headers;
        // Version 2015-02-21+: Content-Length is the empty string when zero.
        var length = content?.ContentLength is > 0 and var l ? l.ToString(CultureInfo.InvariantCulture) : "";
        var lines = new[]
        {
            request.Method.Method,
            Header(content, "Content-Encoding"),
            Header(content, "Content-Language"),
            length,
            Header(content, "Content-MD5"),
            Header(content, "Content-Type"),
            "", // Date: x-ms-date is used instead
            Header(request.Headers, "If-Modified-Since"),
            Header(request.Headers, "If-Match"),
            Header(request.Headers, "If-None-Match"),
            Header(request.Headers, "If-Unmodified-Since"),
            Header(request.Headers, "Range"),
        };
        return string.Join('\n', lines) + '\n' + CanonicalizedHeaders(request) + CanonicalizedResource(request.RequestUri!);
    }

    /// <summary>x-ms-* headers: lower-case names in order, values trimmed, each "name:value\n".</summary>
    private static string CanonicalizedHeaders(HttpRequestMessage request)
    {
        var text = new StringBuilder();
        foreach (var (name, values) in request.Headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Values: h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
            text.Append(name).Append(':').Append(string.Join(',', values.Select(v => v.Trim()))).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// "/" + account + the URI path, then each query parameter as "\nname:value" (names lower-case and sorted, values
    /// decoded, several values sorted and comma-joined). With emulator-style URLs (http://127.0.0.1:10000/devstoreaccount1/…)
    /// the path already starts with the account, so the account appears twice.
    /// </summary>
    private string CanonicalizedResource(Uri uri)
    {
        var text = new StringBuilder("/").Append(AccountName).Append(uri.AbsolutePath);
        var parameters = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.UnescapeDataString(p[0]).ToLowerInvariant(), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .GroupBy(p => p.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
            text.Append('\n').Append(parameter.Key).Append(':').Append(string.Join(',', parameter.Select(p => p.Value).Order(StringComparer.Ordinal)));
        return text.ToString();
    }

    private static string Header(HttpHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? string.Join(',', values) : "";
}
