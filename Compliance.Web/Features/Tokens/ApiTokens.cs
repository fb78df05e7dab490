using Compliance.Domain.Common;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Tokens;

/// <summary>API tokens of the organization: create (shown once), list (never the secret), revoke. Admin only.</summary>
public static class ApiTokens
{
    public sealed record CreateRequest(string? Name, string? Role);

    public sealed record Created(Guid Id, string Name, Role Role, string Token, DateTime CreatedAt);

    public sealed record Summary(Guid Id, string Name, Role Role, string? CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    public static async Task<Outcome<Created>> CreateAsync(CreateRequest request, string createdBy, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "required", "'name' is required: say what the token is for.");
        else if (name.Length > 100) errors.Add("name", "too_long", $"'name' is {name.Length:N0} characters; the limit is 100.");
        if (!Enum.TryParse<Role>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(request.Role, out _))
            errors.Add("role", "unknown_role", $"'role' must be one of {string.Join(", ", Enum.GetNames<Role>())}.");
        if (errors.Count > 0) return Outcome<Created>.Invalid(errors);

        var (token, hash) = ApiToken.NewSecret();
        var entity = new ApiToken { Name = name, Role = role, SecretHash = hash, CreatedBy = createdBy, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new Created(entity.Id, entity.Name, entity.Role, token, entity.CreatedAt);
    }

    public static Task<List<Summary>> ListAsync(ComplianceDbContext db, CancellationToken ct) =>
        db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new Summary(t.Id, t.Name, t.Role, t.CreatedBy, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);

    public static async Task<Outcome<Summary>> RevokeAsync(Guid id, ComplianceDbContext db, TimeProvider clock, ApiTokenCache cache, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return Outcome<Summary>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        token.RevokedAt ??= now;
        await db.SaveChangesAsync(ct);
        // Other instances stop accepting it when their cache entry expires (ApiTokenCache.Lifetime).
        cache.Forget(token.Id, now);
        return new Summary(token.Id, token.Name, token.Role, token.CreatedBy, token.CreatedAt, token.LastUsedAt, token.RevokedAt);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/tokens", async (CreateRequest request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await CreateAsync(request, http.User.Identity?.Name ?? "unknown", db, clock, ct))
                    .ToHttp(t => TypedResults.Created($"/api/v1/tokens/{t.Id}", t)))
            .RequireAuthorization(Policies.Admin).WithTags("Tokens").WithName("CreateToken");

        api.MapGet("/tokens", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .RequireAuthorization(Policies.Admin).WithTags("Tokens").WithName("ListTokens");

        api.MapDelete("/tokens/{id:guid}", async (Guid id, ComplianceDbContext db, TimeProvider clock, ApiTokenCache cache, CancellationToken ct) =>
                (await RevokeAsync(id, db, clock, cache, ct)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Admin).WithTags("Tokens").WithName("RevokeToken");
    }
}
