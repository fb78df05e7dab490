using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Disclosures;

/// <summary>Which suppliers a completed screening in the period covered, and what it found on each.</summary>
public sealed record ScreeningCoverage(int Runs, string? Editions, DateTime? LastCompletedAt, IReadOnlyDictionary<Guid, string> Exposure)
{
    /// <summary>A run screens every supplier the organization had when it started.</summary>
    public bool Covers(Guid supplierId, DateTime supplierCreatedAt) => LastCompletedAt is { } at && supplierCreatedAt <= at;

    /// <summary>
    /// Runs of the whole supplier base completed in the period (screenings of one import's suppliers, or of one saved supplier, do not
    /// cover the base), the editions the latest one screened against, and each supplier's current hits not ruled out on review.
    /// </summary>
    public static async Task<ScreeningCoverage> ReadAsync(DateOnly start, DateOnly end, ComplianceDbContext db, CancellationToken ct)
    {
        var (from, to) = (start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var runs = await db.ScreeningRuns.AsNoTracking()
            .Where(r => r.Status == ScreeningRunStatus.Completed && r.Trigger != ScreeningTrigger.SupplierImport && r.Trigger != ScreeningTrigger.SupplierSaved && r.CompletedAt >= from && r.CompletedAt < to)
            .OrderByDescending(r => r.CompletedAt).Select(r => new { r.CompletedAt, r.Editions }).ToListAsync(ct);
        if (runs.Count == 0) return new ScreeningCoverage(0, null, null, new Dictionary<Guid, string>());
        var hits = await db.ScreeningHits.AsNoTracking().Where(h => h.ClearedAt == null && h.Status != HitStatus.FalsePositive)
            .Select(h => new { h.SupplierId, h.Kind, h.Good, h.Country, h.EntityName }).ToListAsync(ct);
        var exposure = hits.GroupBy(h => h.SupplierId).ToDictionary(g => g.Key, g => string.Join("; ", g
            .Select(h => h.Kind == HitKind.Goods ? $"{h.Good} ({h.Country})" : $"name like {h.EntityName}").Distinct().Order(StringComparer.Ordinal).Take(5)));
        return new ScreeningCoverage(runs.Count, runs[0].Editions?.Replace("\n", "; ", StringComparison.Ordinal), runs[0].CompletedAt, exposure);
    }
}
