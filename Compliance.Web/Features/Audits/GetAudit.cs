using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>GET /api/v1/audits/{id}: the audit with its findings and their corrective actions.</summary>
public static class GetAudit
{
    public static async Task<Outcome<AuditResponse>> HandleAsync(Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var audit = await db.Audits.AsNoTracking().Include(a => a.Findings).ThenInclude(f => f.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null) return Outcome<AuditResponse>.NotFound();
        var supplierName = await db.Suppliers.Where(s => s.Id == audit.SupplierId).Select(s => s.Name).FirstAsync(ct);
        return AuditResponse.From(audit, supplierName, Today.Of(clock));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audits/{id:guid}", async (Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Audits").WithName("GetAudit");
}
