using Compliance.Domain.Audits;
using Compliance.Domain.Disclosures;
using Compliance.Domain.Suppliers;
using Compliance.Reports.Pdf;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Disclosures;

/// <summary>
/// Reads what the records say for a California disclosure: the direct suppliers of the period, how many were screened,
/// audited (and how), certified and trained. Every figure is a query over the organization's own data.
/// </summary>
public static class CaliforniaRecords
{
    public sealed record Snapshot(CaliforniaFigures Figures, IReadOnlyList<DisclosedSupplier> Suppliers);

    public static async Task<Snapshot> ReadAsync(DateOnly start, DateOnly end, ComplianceDbContext db, CancellationToken ct)
    {
        var endOfPeriod = end.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var direct = db.Suppliers.AsNoTracking().Where(s => s.Tier == 1 && s.Status != SupplierStatus.Inactive && s.CreatedAt <= endOfPeriod);
        var suppliers = await direct.OrderBy(s => s.Name).ThenBy(s => s.ExternalReference)
            .Select(s => new { s.Id, s.ExternalReference, s.Name, s.Country, s.CreatedAt })
            .ToListAsync(ct);

        var audits = await db.Audits.AsNoTracking()
            .Where(a => a.EndDate >= start && a.EndDate <= end && direct.Any(s => s.Id == a.SupplierId))
            .Select(a => new { a.SupplierId, a.EndDate, a.IsIndependent, a.Announcement, a.Scheme, Findings = a.Findings.Count, ZeroTolerance = a.Findings.Count(f => f.Severity == FindingSeverity.ZeroTolerance) })
            .ToListAsync(ct);
        var auditFigures = new AuditFigures(
            audits.Count,
            audits.Select(a => a.SupplierId).Distinct().Count(),
            audits.Count(a => a.IsIndependent),
            audits.Count(a => a.Announcement == AuditAnnouncement.Unannounced),
            audits.Count(a => a.IsIndependent && a.Announcement == AuditAnnouncement.Unannounced),
            audits.Sum(a => a.Findings),
            audits.Sum(a => a.ZeroTolerance));
        var lastAudit = audits.GroupBy(a => a.SupplierId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.EndDate)!);

        var screening = await ScreeningCoverage.ReadAsync(start, end, db, ct);
        var figures = new CaliforniaFigures(start, end, suppliers.Count,
            new VerificationFigures(suppliers.Count(s => screening.Covers(s.Id, s.CreatedAt)), suppliers.Count(s => screening.Exposure.ContainsKey(s.Id) && screening.Covers(s.Id, s.CreatedAt)),
                screening.Runs, screening.Editions, ThirdParty: false),
            auditFigures, Certification: null, Accountability: null, Training: null);
        var rows = suppliers.Select(s => new DisclosedSupplier(s.ExternalReference, s.Name, s.Country, screening.Covers(s.Id, s.CreatedAt),
                screening.Exposure.GetValueOrDefault(s.Id, "—"),
                lastAudit.TryGetValue(s.Id, out var a) ? $"{a.EndDate:yyyy-MM-dd}{(a.Announcement == AuditAnnouncement.Unannounced ? ", unannounced" : "")}" : null))
            .ToList();
        return new Snapshot(figures, rows);
    }
}
