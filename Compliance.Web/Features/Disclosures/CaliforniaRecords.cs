using Compliance.Domain.Attestations;
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

    // Cal. Civ. Code 1714.43(c)(3): direct suppliers holding a signed certification still valid at the end of the period.
    private static async Task<CertificationFigures> CertificationAsync(HashSet<Guid> direct, DateOnly end, ComplianceDbContext db, CancellationToken ct)
    {
        var endOfPeriod = end.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var certifications = await db.Attestations.AsNoTracking()
            .Where(a => a.Kind == AttestationKind.SupplierCertification && a.SupplierId != null && a.CreatedAt <= endOfPeriod)
            .Select(a => new { SupplierId = a.SupplierId!.Value, a.Status, a.SignedOn, a.ValidUntil, a.StatementVersion })
            .ToListAsync(ct);
        var ofDirect = certifications.Where(c => direct.Contains(c.SupplierId)).ToList();
        var valid = ofDirect.Where(c => c.Status is AttestationStatus.Signed or AttestationStatus.Submitted or AttestationStatus.Accepted
                                        && c.SignedOn <= end && (c.ValidUntil is null || c.ValidUntil >= end)).ToList();
        return new CertificationFigures(valid.Select(c => c.SupplierId).Distinct().Count(), ofDirect.Select(c => c.SupplierId).Distinct().Count(),
            valid.OrderByDescending(c => c.SignedOn).FirstOrDefault()?.StatementVersion);
    }

    // Cal. Civ. Code 1714.43(c)(4): the policy in force at the end of the period, and what was done under it in the period.
    private static async Task<AccountabilityFigures> AccountabilityAsync(DateOnly start, DateOnly end, ComplianceDbContext db, CancellationToken ct)
    {
        var policy = await db.AccountabilityPolicies.AsNoTracking().Where(p => p.AdoptedOn <= end).OrderByDescending(p => p.AdoptedOn).FirstOrDefaultAsync(ct);
        var actions = await db.EnforcementActions.AsNoTracking().CountAsync(a => a.TakenOn >= start && a.TakenOn <= end, ct);
        var title = policy?.Text.Split('\n', 2)[0].Trim() is { Length: > 0 } first ? (first.Length <= 80 ? first : first[..80].TrimEnd() + "…") : null;
        return new AccountabilityFigures(policy is not null, title, policy?.AdoptedOn, actions);
    }

    // Cal. Civ. Code 1714.43(c)(5): sessions held in the period and how many of those in scope completed them.
    private static async Task<TrainingFigures> TrainingAsync(DateOnly start, DateOnly end, ComplianceDbContext db, CancellationToken ct)
    {
        var sessions = await db.TrainingSessions.AsNoTracking().Where(t => t.HeldOn >= start && t.HeldOn <= end).Select(t => new { t.Trained, t.InScope }).ToListAsync(ct);
        return new TrainingFigures(sessions.Count, sessions.Sum(t => t.InScope), sessions.Sum(t => t.Trained));
    }

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
            auditFigures, await CertificationAsync(suppliers.Select(s => s.Id).ToHashSet(), end, db, ct), await AccountabilityAsync(start, end, db, ct),
            await TrainingAsync(start, end, db, ct));
        var rows = suppliers.Select(s => new DisclosedSupplier(s.ExternalReference, s.Name, s.Country, screening.Covers(s.Id, s.CreatedAt),
                screening.Exposure.GetValueOrDefault(s.Id, "—"),
                lastAudit.TryGetValue(s.Id, out var a) ? $"{a.EndDate:yyyy-MM-dd}{(a.Announcement == AuditAnnouncement.Unannounced ? ", unannounced" : "")}" : null))
            .ToList();
        return new Snapshot(figures, rows);
    }
}
