using Compliance.Domain.Audits;
using Compliance.Domain.Screening;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Screening;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers;

/// <summary>
/// GET /api/v1/suppliers/{id}/risk: the supplier's exposure to the current stored editions (the platform's and the
/// organization's own), explained hit by hit with the status reviewers gave it, plus what its audits say (open findings,
/// overdue corrective actions), with the data coverage beside the score so that missing data never reads as low risk.
/// The supplier is screened as it is now; each hit carries the id of its stored row once a run has recorded it (null
/// until then) and the status from remembered decisions (kept unless the list entry changed).
/// </summary>
public static class SupplierRiskProfile
{
    public sealed record Hit(
        string Kind, string List, string Edition, string? Good, string? EntityName, string? Country, bool ChildLabor, bool ForcedLabor,
        bool ForcedChildLabor, double Score, string MatchedOn, string Rule, string Explanation, string Status,
        Guid? Id = null, bool EntryChanged = false, string? DecidedBy = null, DateTime? DecidedAt = null, string? DecisionReason = null);

    public sealed record Profile(double Score, RiskLevel Level, IReadOnlyList<RiskPart> Parts, double Coverage, CoverageLevel CoverageLevel, IReadOnlyList<string> Gaps, IReadOnlyList<Hit> Hits);

    // Points an audit adds: what an auditor found outweighs what a list suggests.
    private const double ZeroToleranceFindingPoints = 40;
    private const double MajorFindingPoints = 20;
    private const double MinorFindingPoints = 5;
    private const double OverdueActionPoints = 10;

    public static async Task<Outcome<Profile>> HandleAsync(Guid id, ComplianceDbContext db, ScreeningLists lists, TimeProvider clock, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null) return Outcome<Profile>.NotFound();
        var screener = await lists.ForAsync(db, ct);
        var result = screener.Screener.Screen(Screening.ScreeningPass.Input(supplier).Input);
        var decisions = await db.ScreeningDecisions.AsNoTracking().Where(d => d.SupplierId == id).ToListAsync(ct);
        var stored = (await db.ScreeningHits.AsNoTracking().Where(h => h.SupplierId == id && h.ClearedAt == null).ToListAsync(ct))
            .GroupBy(h => (h.DecisionKey, h.EntryFingerprint)).ToDictionary(g => g.Key, g => g.First());
        var reviewed = ReviewDecisions.Apply(result.Hits.DistinctBy(h => h.DecisionKey), decisions.Select(d => d.ToDecision()));
        var risk = RiskScoring.Assess(reviewed, result.Coverage, [.. await AuditPartsAsync(id, db, Today.Of(clock), ct), .. await Grievances.GrievanceRisk.PartsAsync(id, db, ct)]);
        return new Profile(risk.Score, risk.Level, risk.Parts, result.Coverage.Share, result.Coverage.Level, result.Coverage.Gaps,
            [.. reviewed.Select(r =>
            {
                var row = stored.GetValueOrDefault((r.Hit.DecisionKey, r.Hit.EntryFingerprint));
                var decision = r.Status == HitStatus.Open ? null : r.Decision;
                return new Hit(r.Hit.Kind.ToString(), r.Hit.List, r.Hit.Edition, r.Hit.Good, r.Hit.EntityName, r.Hit.Country,
                    r.Hit.ChildLabor, r.Hit.ForcedLabor, r.Hit.ForcedChildLabor, r.Hit.Score, r.Hit.MatchedOn, r.Hit.Rule, r.Hit.Explanation, r.Status.ToString(),
                    row?.Id, r.EntryChanged, decision?.DecidedBy, decision?.DecidedAt.UtcDateTime, decision?.Note);
            })]);
    }

    private static async Task<List<RiskPart>> AuditPartsAsync(Guid supplierId, ComplianceDbContext db, DateOnly today, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => f.SupplierId == supplierId).Include(f => f.Actions).ToListAsync(ct);
        var parts = new List<RiskPart>();
        foreach (var (severity, points) in new[] { (FindingSeverity.ZeroTolerance, ZeroToleranceFindingPoints), (FindingSeverity.Major, MajorFindingPoints), (FindingSeverity.Minor, MinorFindingPoints) })
        {
            var open = findings.Count(f => f.Severity == severity && f.IsOpen);
            if (open > 0)
                parts.Add(new RiskPart($"open-{severity.ToString().ToLowerInvariant()}-findings", $"Open {Pages.Audits.AuditWords.Severity(severity).ToLowerInvariant()} audit findings",
                    points * open, $"{open} {Pages.Audits.AuditWords.Severity(severity).ToLowerInvariant()} finding(s) not yet closed by verified corrective action."));
        }
        var overdue = findings.SelectMany(f => f.Actions).Count(a => a.IsOverdueOn(today));
        if (overdue > 0)
            parts.Add(new RiskPart("overdue-actions", "Overdue corrective actions", OverdueActionPoints * overdue, $"{overdue} corrective action(s) past their due date."));
        return parts;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/suppliers/{id:guid}/risk", async (Guid id, ComplianceDbContext db, ScreeningLists lists, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, db, lists, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Suppliers").WithName("GetSupplierRisk");
}
