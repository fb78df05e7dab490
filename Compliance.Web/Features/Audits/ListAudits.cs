using Compliance.Domain.Audits;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>GET /api/v1/audits: newest first, by supplier and period.</summary>
public static class ListAudits
{
    public sealed record Query(Guid? SupplierId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

    public sealed record Row(
        Guid Id, Guid SupplierId, string SupplierName, AuditScheme Scheme, AuditType Type, AuditAnnouncement Announcement, bool IsIndependent,
        string? AuditFirm, DateOnly EndDate, int Findings, int OpenFindings, int ZeroToleranceFindings);

    public static async Task<Paged<Row>> HandleAsync(Query query, ComplianceDbContext db, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var pageNumber = Math.Max(1, query.Page);
        var audits = Matching(query, db);
        var total = await audits.CountAsync(ct);
        var rows = await RowsOf(audits.Skip((pageNumber - 1) * pageSize).Take(pageSize), db).ToListAsync(ct);
        return new Paged<Row>(rows, pageNumber, pageSize, total);
    }

    /// <summary>Every audit the query selects, newest first (the list page's CSV reads all of them).</summary>
    public static IQueryable<Audit> Matching(Query query, ComplianceDbContext db)
    {
        var audits = db.Audits.AsNoTracking();
        if (query.SupplierId is { } supplierId) audits = audits.Where(a => a.SupplierId == supplierId);
        if (query.From is { } from) audits = audits.Where(a => a.EndDate >= from);
        if (query.To is { } to) audits = audits.Where(a => a.EndDate <= to);
        return audits.OrderByDescending(a => a.EndDate).ThenBy(a => a.Id);
    }

    public static IQueryable<Row> RowsOf(IQueryable<Audit> audits, ComplianceDbContext db) =>
        audits.Join(db.Suppliers, a => a.SupplierId, s => s.Id, (a, s) => new Row(
            a.Id, a.SupplierId, s.Name, a.Scheme, a.Type, a.Announcement, a.IsIndependent, a.AuditFirm, a.EndDate,
            a.Findings.Count,
            // Open: needs action and not every action verified (Finding.IsOpen, in SQL).
            a.Findings.Count(f => f.Actions.Any(x => x.Status != CorrectiveActionStatus.Verified) || (f.Actions.Count == 0 && f.Severity != FindingSeverity.Observation)),
            a.Findings.Count(f => f.Severity == FindingSeverity.ZeroTolerance)));

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audits", async (Guid? supplierId, DateOnly? from, DateOnly? to, int? page, int? pageSize, ComplianceDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(new Query(supplierId, from, to, page ?? 1, pageSize ?? 50), db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Audits").WithName("ListAudits");
}
