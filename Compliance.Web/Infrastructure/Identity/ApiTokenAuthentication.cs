using System.Security.Claims;
using System.Text.Encodings.Web;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Infrastructure.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer cmp_…</c> against the stored hashes of active API tokens, recently found
/// ones kept for a few seconds (<see cref="ApiTokenCache"/>).
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ComplianceDbContext db, TimeProvider clock, ApiTokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last-used times are written at most this often, so reads do not turn into writes.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 100)
            return AuthenticateResult.Fail("Malformed API token.");

        var hash = ApiToken.HashOf(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = cache.Find(hash, now);
        if (token is null)
        {
            var found = await CrossTenant.FindActiveApiTokenAsync(db, hash, Context.RequestAborted);
            if (found is null) return AuthenticateResult.Fail("Unknown or revoked API token.");
            token = new ApiTokenCache.Token(found.Id, found.Name, found.OrganizationId, found.Role, now) { LastUsedAt = found.LastUsedAt };
            cache.Add(hash, token);
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            await CrossTenant.TouchApiTokenAsync(db, token.Id, now, Context.RequestAborted);
            token.LastUsedAt = now;
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"token:{token.Id}"),
            new Claim(ClaimTypes.Name, $"token:{token.Name}"),
            new Claim(ComplianceClaims.Actor, $"token:{token.Name}"),
            new Claim(ComplianceClaims.Organization, token.OrganizationId.ToString()),
            new Claim(ClaimTypes.Role, token.Role.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
