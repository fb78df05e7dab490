using Compliance.Domain.Common;
using Compliance.Domain.Grievances;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>GET and PUT /api/v1/settings/grievance-sla: days to acknowledge a grievance and to reach an outcome (default 7 and 90).</summary>
public static class GrievanceSlaSettings
{
    public static async Task<GrievanceSlaPolicy> CurrentAsync(ComplianceDbContext db, CancellationToken ct) =>
        (await db.OrganizationSettings.AsNoTracking().FirstOrDefaultAsync(ct))?.GrievanceSla ?? GrievanceSlaPolicy.Default;

    /// <summary>New deadlines apply to grievances received from now on; open cases keep the deadlines they were given.</summary>
    public static async Task<Outcome<GrievanceSlaPolicy>> UpdateAsync(GrievanceSlaPolicy policy, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        foreach (var (field, message) in policy.Problems()) errors.Add(field, "out_of_range", message);
        if (errors.Count > 0) return Outcome<GrievanceSlaPolicy>.Invalid(errors);
        var settings = await db.OrganizationSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.OrganizationSettings.Add(settings = new OrganizationSettings());
        settings.GrievanceAcknowledgeDays = policy.AcknowledgeDays;
        settings.GrievanceOutcomeDays = policy.OutcomeDays;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return policy;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/settings/grievance-sla", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await CurrentAsync(db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Grievances").WithName("GetGrievanceSla");
        api.MapPut("/settings/grievance-sla", async (GrievanceSlaPolicy policy, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await UpdateAsync(policy, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Admin).WithTags("Grievances").WithName("UpdateGrievanceSla");
    }
}
