using System.ComponentModel.DataAnnotations;
using Compliance.Domain.Common;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Organizations;

/// <summary>POST /api/v1/signup: a new organization, its first Admin, and an Admin API token shown once.</summary>
public static class SignUp
{
    public sealed record Request(string? OrganizationName, string? AdminEmail, string? Password);

    public sealed record Response(Guid OrganizationId, string Slug, string ApiToken);

    public static async Task<Outcome<Response>> HandleAsync(Request request, ComplianceDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        var name = request.OrganizationName?.Trim() ?? "";
        var email = request.AdminEmail?.Trim() ?? "";
        if (name.Length == 0) errors.Add("organizationName", "required", "'organizationName' is required.");
        else if (name.Length > 200) errors.Add("organizationName", "too_long", $"'organizationName' is {name.Length:N0} characters; the limit is 200.");
        if (email.Length == 0) errors.Add("adminEmail", "required", "'adminEmail' is required.");
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)) errors.Add("adminEmail", "invalid_email", $"'{Clip(email)}' is not an e-mail address.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "required", "'password' is required.");
        else
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, null!, request.Password);
                foreach (var e in result.Errors) errors.Add("password", "weak_password", e.Description);
            }
        if (errors.Count > 0) return Outcome<Response>.Invalid(errors);
        if (await users.FindByEmailAsync(email) is not null)
            return Outcome<Response>.Conflict("adminEmail", "email_taken", $"'{email}' already has an account: sign in and ask an Admin to add you, or use another address.");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = email, Email = email, DisplayName = email };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
            return Outcome<Response>.Invalid([.. created.Errors.Select(e => new RuleViolation(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "adminEmail", "identity", e.Description))]);

        var organization = new Organization { Name = name, Slug = await FreeSlugAsync(db, Organization.SlugFrom(name), ct), CreatedAt = now };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);

        db.Tenant.Use(organization.Id);
        var (token, hash) = ApiToken.NewSecret();
        db.Memberships.Add(new Membership { UserId = user.Id, Role = Role.Admin, CreatedAt = now });
        db.ApiTokens.Add(new ApiToken { Name = "Initial admin token", Role = Role.Admin, SecretHash = hash, CreatedBy = email, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Response(organization.Id, organization.Slug, token);
    }

    private static async Task<string> FreeSlugAsync(ComplianceDbContext db, string wanted, CancellationToken ct)
    {
        var taken = await db.Organizations.Where(o => o.Slug == wanted || o.Slug.StartsWith(wanted + "-")).Select(o => o.Slug).ToListAsync(ct);
        if (!taken.Contains(wanted)) return wanted;
        for (var i = 2; ; i++)
            if (!taken.Contains($"{wanted}-{i}")) return $"{wanted}-{i}";
    }

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/signup", async (Request request, ComplianceDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(request, db, users, clock, ct)).ToHttp(r => TypedResults.Created($"/api/v1/organizations/{r.OrganizationId}", r)))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignUp)
            .WithTags("Organizations").WithName("SignUp");
}
