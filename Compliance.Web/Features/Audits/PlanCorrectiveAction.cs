using Compliance.Domain.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>POST /api/v1/findings/{id}/actions: what must be done about a finding, due by the severity policy unless set.</summary>
public static class PlanCorrectiveAction
{
    public static async Task<Outcome<CorrectiveActionResponse>> HandleAsync(Guid findingId, CorrectiveActionRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null) return Outcome<CorrectiveActionResponse>.NotFound();
        var errors = AuditRules.Check(request.ToDetails(), finding.RaisedOn);
        if (errors.Count > 0) return Outcome<CorrectiveActionResponse>.Invalid(errors);

        var policy = await CorrectiveActionPolicySettings.CurrentAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var action = new CorrectiveAction
        {
            FindingId = finding.Id,
            SupplierId = finding.SupplierId,
            Description = request.Description!.Trim(),
            Owner = request.Owner!.Trim(),
            DueDate = request.DueDate ?? policy.DueDate(finding.Severity, finding.RaisedOn),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CorrectiveActions.Add(action);
        await db.SaveChangesAsync(ct);
        return CorrectiveActionResponse.From(action, Today.Of(clock));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/findings/{id:guid}/actions", async (Guid id, CorrectiveActionRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, db, clock, ct)).ToHttp(a => TypedResults.Created($"/api/v1/corrective-actions/{a.Id}", a)))
            .RequireAuthorization(Policies.Write).WithTags("Audits").WithName("PlanCorrectiveAction");
}
