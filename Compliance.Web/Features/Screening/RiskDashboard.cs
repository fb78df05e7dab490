using Compliance.Domain.Common;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Screening;

/// <summary>
/// GET /api/v1/screening/dashboard: current hits by status, and the hits that still count (not false positives) by
/// country and by good, with the latest run.
/// </summary>
public static class RiskDashboard
{
    public sealed record Bar(string Key, string Label, int Hits, int Suppliers);

    public sealed record Summary(int Open, int Confirmed, int FalsePositive, int Mitigated, int SuppliersWithHits, IReadOnlyList<Bar> ByCountry,
        IReadOnlyList<Bar> ByGood, ScreeningRuns.Run? LastRun);

    public static async Task<Summary> HandleAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var current = db.ScreeningHits.AsNoTracking().Where(h => h.ClearedAt == null);
        var byStatus = await current.GroupBy(h => h.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(HitStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var live = await current.Where(h => h.Status != HitStatus.FalsePositive).Select(h => new { h.SupplierId, h.Country, h.Good, h.Kind }).ToListAsync(ct);
        var byCountry = live.Where(h => h.Country != null).GroupBy(h => h.Country!)
            .Select(g => new Bar(g.Key, Countries.NameOf(g.Key), g.Count(), g.Select(h => h.SupplierId).Distinct().Count()))
            .OrderByDescending(b => b.Hits).ThenBy(b => b.Label, StringComparer.Ordinal).Take(15).ToList();
        var byGood = live.Where(h => h.Kind == HitKind.Goods && h.Good != null).GroupBy(h => h.Good!)
            .Select(g => new Bar(g.Key, g.Key, g.Count(), g.Select(h => h.SupplierId).Distinct().Count()))
            .OrderByDescending(b => b.Hits).ThenBy(b => b.Label, StringComparer.Ordinal).Take(15).ToList();
        var latest = await ScreeningRuns.LatestAsync(1, db, ct);
        var last = latest.Count > 0 ? latest[0] : null;
        return new Summary(Count(HitStatus.Open), Count(HitStatus.Confirmed), Count(HitStatus.FalsePositive), Count(HitStatus.Mitigated),
            live.Select(h => h.SupplierId).Distinct().Count(), byCountry, byGood, last);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/screening/dashboard", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Screening").WithName("ScreeningDashboard");
}
