using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Compliance.Web.Infrastructure.Blobs;

/// <summary>The rules both stores share for naming and reading blobs.</summary>
public static partial class BlobAddress
{
    /// <summary>A scope is a GUID-ish token; it becomes a folder or a name prefix, so nothing else may pass (no path traversal).</summary>
    public static string Scope(string scope) =>
        scope is not null && ScopePattern().IsMatch(scope) ? scope : throw new ArgumentException("A blob scope is 1 to 64 letters, digits or hyphens.", nameof(scope));

    public static string Sha256(string sha256) =>
        sha256 is not null && Sha256Pattern().IsMatch(sha256) ? sha256 : throw new ArgumentException("A blob address is a SHA-256 in 64 lower-case hex digits.", nameof(sha256));

    public static bool IsSha256(string name) => Sha256Pattern().IsMatch(name);

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="source"/>; fewer bytes only at the end of the stream.</summary>
    public static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length && await source.ReadAsync(buffer[filled..], ct) is var read and > 0) filled += read;
        return filled;
    }

    /// <summary>Counts and hashes a chunk on its way in; refuses it as soon as the total passes the limit.</summary>
    public static long Append(IncrementalHash hash, ReadOnlySpan<byte> chunk, long length, long maxLength)
    {
        length += chunk.Length;
        if (length > maxLength) throw new BlobTooLargeException(maxLength);
        hash.AppendData(chunk);
        return length;
    }

    public static string Hex(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex ScopePattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
