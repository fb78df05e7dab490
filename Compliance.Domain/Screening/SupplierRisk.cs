namespace Compliance.Domain.Screening;

/// <summary>One contribution to a supplier's risk score, shown to the user as it is.</summary>
/// <param name="Kind">Stable name of the part ("forced-labor", "entity-match", later "audit-findings", "grievances").</param>
public sealed record RiskPart(string Kind, string Label, double Points, string Explanation);

public enum RiskLevel { Low, Medium, High, Undetermined }

/// <summary>
/// The score (0..100) is the sum of its parts, capped; <see cref="Coverage"/> stands beside it, and a supplier with
/// little data and no hits is <see cref="RiskLevel.Undetermined"/>, never low.
/// </summary>
public sealed record SupplierRisk(double Score, RiskLevel Level, IReadOnlyList<RiskPart> Parts, DataCoverage Coverage);

public static class RiskScoring
{
    // Weights per exploitation type: forced labour bars imports (19 U.S.C. 1307), so it weighs most.
    public const double ForcedLaborPoints = 40;
    public const double ForcedChildLaborPoints = 35;
    public const double ChildLaborPoints = 25;
    public const double EntityMatchPoints = 50;
    public const double HighFrom = 60;
    public const double MediumFrom = 25;

    /// <param name="hits">The latest hits with their review status; false positives count for nothing.</param>
    /// <param name="additionalParts">Parts from other areas (audits, grievances) added as they are.</param>
    public static SupplierRisk Assess(IEnumerable<ReviewedHit> hits, DataCoverage coverage, IEnumerable<RiskPart>? additionalParts = null)
    {
        var live = hits.Where(h => h.Status is not HitStatus.FalsePositive).ToList();
        var parts = new List<RiskPart>();
        var goods = live.Where(h => h.Hit.Kind == HitKind.Goods).ToList();
        AddExposure(parts, goods, "forced-labor", "Forced labor list exposure", ForcedLaborPoints, h => h.ForcedLabor);
        AddExposure(parts, goods, "forced-child-labor", "Forced child labor list exposure", ForcedChildLaborPoints, h => h.ForcedChildLabor);
        AddExposure(parts, goods, "child-labor", "Child labor list exposure", ChildLaborPoints, h => h.ChildLabor);
        var entity = live.Where(h => h.Hit.Kind == HitKind.Entity).MaxBy(h => h.Hit.Score);
        if (entity is not null)
        {
            // A confirmed match counts fully; an open one by its name similarity.
            var weight = entity.Status is HitStatus.Confirmed or HitStatus.Mitigated ? 1 : entity.Hit.Score;
            parts.Add(new RiskPart("entity-match", "Entity list match", Math.Round(EntityMatchPoints * weight, 1),
                $"{entity.Hit.EntityName} on the {entity.Hit.List} ({entity.Status}, similarity {entity.Hit.Score:F2})."));
        }
        parts.AddRange(additionalParts ?? []);
        var score = Math.Min(100, Math.Round(parts.Sum(p => p.Points), 1));
        var level = score >= HighFrom ? RiskLevel.High
            : score >= MediumFrom ? RiskLevel.Medium
            : coverage.Level == CoverageLevel.Complete ? RiskLevel.Low
            : RiskLevel.Undetermined;
        return new SupplierRisk(score, level, parts, coverage);
    }

    // The worst hit of a type counts once; more goods of the same type do not stack, mitigated ones count half.
    private static void AddExposure(List<RiskPart> parts, List<ReviewedHit> goods, string kind, string label, double points, Func<ScreeningHit, bool> flag)
    {
        var flagged = goods.Where(h => flag(h.Hit)).ToList();
        if (flagged.Count == 0) return;
        var open = flagged.Where(h => h.Status != HitStatus.Mitigated).ToList();
        var share = open.Count > 0 ? 1 : 0.5;
        var named = string.Join(", ", flagged.Select(h => $"{h.Hit.Good} ({h.Hit.Country})").Distinct().Take(5));
        parts.Add(new RiskPart(kind, label, points * share, $"{flagged.Count} hit(s): {named}{(open.Count == 0 ? "; all mitigated" : "")}."));
    }
}
