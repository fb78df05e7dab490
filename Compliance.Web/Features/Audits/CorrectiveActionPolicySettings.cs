using Compliance.Domain.Audits;
using Compliance.Domain.Common;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>GET and PUT /api/v1/settings/corrective-action-policy: days to correct a finding, by severity.</summary>
public static class CorrectiveActionPolicySettings
{
    public static async Task<CorrectiveActionPolicy> CurrentAsync(ComplianceDbContext db, CancellationToken ct) =>
        await db.OrganizationSettings.AsNoTracking().Select(s => s.CorrectiveActionPolicy).FirstOrDefaultAsync(ct) ?? CorrectiveActionPolicy.Default;

    public static async Task<Outcome<CorrectiveActionPolicy>> UpdateAsync(CorrectiveActionPolicy policy, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        foreach (var problem in policy.Problems())
            if (problem == "order") errors.Add("zeroToleranceDays", "order", "Graver findings get no more time than lighter ones: zero tolerance ≤ major ≤ minor.");
            else errors.Add(char.ToLowerInvariant(problem[0]) + problem[1..], "out_of_range", $"Days must be between 1 and {CorrectiveActionPolicy.MaxDays}.");
        if (errors.Count > 0) return Outcome<CorrectiveActionPolicy>.Invalid(errors);

        var settings = await db.OrganizationSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.OrganizationSettings.Add(settings = new OrganizationSettings());
        settings.CorrectiveActionPolicy = policy;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return policy;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/settings/corrective-action-policy", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await CurrentAsync(db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Audits").WithName("GetCorrectiveActionPolicy");
        api.MapPut("/settings/corrective-action-policy", async (CorrectiveActionPolicy policy, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await UpdateAsync(policy, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Admin).WithTags("Audits").WithName("UpdateCorrectiveActionPolicy");
    }
}
