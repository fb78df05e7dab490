using Compliance.Domain.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>Record a social audit of a supplier (POST /api/v1/audits), or correct one (PUT /api/v1/audits/{id}).</summary>
public static class RecordAudit
{
    public static async Task<Outcome<AuditResponse>> CreateAsync(AuditRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await ApplyAsync(new Audit { CreatedAt = now }, request, db, clock, isNew: true, ct);
    }

    public static async Task<Outcome<AuditResponse>> UpdateAsync(Guid id, AuditRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var audit = await db.Audits.Include(a => a.Findings).ThenInclude(f => f.Actions).FirstOrDefaultAsync(a => a.Id == id, ct);
        return audit is null ? Outcome<AuditResponse>.NotFound() : await ApplyAsync(audit, request, db, clock, isNew: false, ct);
    }

    private static async Task<Outcome<AuditResponse>> ApplyAsync(Audit audit, AuditRequest request, ComplianceDbContext db, TimeProvider clock, bool isNew, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var errors = AuditRules.Check(request.ToDetails(), today);
        string? supplierName = null;
        if (request.SupplierId is not { } supplierId)
            errors.Add("supplierId", "required", "'supplierId' is required: the audited supplier.");
        else if ((supplierName = await db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.Name).FirstOrDefaultAsync(ct)) is null)
            errors.Add("supplierId", "supplier_not_found", $"No supplier with id {supplierId} exists in this organization.");
        else if (!isNew && supplierId != audit.SupplierId && audit.Findings.Count > 0)
            errors.Add("supplierId", "has_findings", "The audit already has findings; record a new audit for another supplier instead of moving this one.");
        if (errors.Count > 0) return Outcome<AuditResponse>.Invalid(errors);

        audit.SupplierId = request.SupplierId!.Value;
        audit.Scheme = request.Scheme!.Value;
        audit.Type = request.Type!.Value;
        audit.Announcement = request.Announcement!.Value;
        audit.IsIndependent = request.IsIndependent!.Value;
        audit.AuditFirm = Blank(request.AuditFirm);
        audit.LeadAuditor = Blank(request.LeadAuditor);
        audit.StartDate = request.StartDate!.Value;
        audit.EndDate = request.EndDate!.Value;
        audit.WorkersInterviewed = request.WorkersInterviewed;
        audit.Rating = Blank(request.Rating);
        audit.Summary = Blank(request.Summary);
        audit.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (isNew) db.Audits.Add(audit);
        await db.SaveChangesAsync(ct);
        return AuditResponse.From(audit, supplierName!, today);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/audits", async (AuditRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await CreateAsync(request, db, clock, ct)).ToHttp(a => TypedResults.Created($"/api/v1/audits/{a.Id}", a)))
            .RequireAuthorization(Policies.Write).WithTags("Audits").WithName("RecordAudit");

        api.MapPut("/audits/{id:guid}", async (Guid id, AuditRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await UpdateAsync(id, request, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Audits").WithName("UpdateAudit");
    }
}
