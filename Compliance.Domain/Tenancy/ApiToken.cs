using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Common;

namespace Compliance.Domain.Tenancy;

/// <summary>
/// A bearer token acting in one organization with one role. Only the SHA-256 of its 256-bit secret is
/// stored: the secret is shown once, at creation. A 256-bit random secret needs no salt or slow hash.
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public const string Prefix = "cmp_";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public Role Role { get; set; }
    public required string SecretHash { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    [NotAudited] public DateTime? LastUsedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Makes a new secret; returns the token text to show once and the hash to store.</summary>
    public static (string Token, string Hash) NewSecret()
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
