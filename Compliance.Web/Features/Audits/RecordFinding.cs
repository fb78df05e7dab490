using Compliance.Domain.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>POST /api/v1/audits/{id}/findings: what the audit found.</summary>
public static class RecordFinding
{
    public static async Task<Outcome<FindingResponse>> HandleAsync(Guid auditId, FindingRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var audit = await db.Audits.FirstOrDefaultAsync(a => a.Id == auditId, ct);
        if (audit is null) return Outcome<FindingResponse>.NotFound();
        var today = Today.Of(clock);
        var errors = AuditRules.Check(request.ToDetails(), audit.EndDate, today);
        if (errors.Count > 0) return Outcome<FindingResponse>.Invalid(errors);

        var finding = new Finding
        {
            AuditId = audit.Id,
            SupplierId = audit.SupplierId,
            IloIndicator = request.IloIndicator,
            FarActivity = request.FarActivity,
            Severity = request.Severity!.Value,
            Description = request.Description!.Trim(),
            RaisedOn = request.RaisedOn ?? audit.EndDate,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        return FindingResponse.From(finding, today);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/audits/{id:guid}/findings", async (Guid id, FindingRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, db, clock, ct)).ToHttp(f => TypedResults.Created($"/api/v1/audits/{id}", f)))
            .RequireAuthorization(Policies.Write).WithTags("Audits").WithName("RecordFinding");
}
