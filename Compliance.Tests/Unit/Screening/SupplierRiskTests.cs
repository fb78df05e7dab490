using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

public sealed class SupplierRiskTests
{
    private static readonly Screener Screener = new([ReferenceData.DolTvpra2022], [ReferenceData.CbpEntities]);

    private static SupplierRisk Assess(SupplierToScreen supplier, params ReviewDecision[] decisions)
    {
        var result = Screener.Screen(supplier);
        return RiskScoring.Assess(ReviewDecisions.Apply(result.Hits, decisions), result.Coverage);
    }

    [Fact]
    public void Parts_show_each_exploitation_type_once()
    {
        var risk = Assess(A.Supplier("CN", A.Product("Cotton", "CN"), A.Product("Cotton yarn", "CN")));
        Assert.Equal(["forced-labor", "forced-child-labor", "child-labor"], risk.Parts.Select(p => p.Kind));
        Assert.Equal(100, risk.Score);
        Assert.Equal(RiskLevel.High, risk.Level);
    }

    [Fact]
    public void Electronics_from_Malaysia_score_forced_labor_only()
    {
        var risk = Assess(A.Supplier("MY", A.Product("Electronics", "MY")));
        var part = Assert.Single(risk.Parts);
        Assert.Equal(("forced-labor", RiskScoring.ForcedLaborPoints), (part.Kind, part.Points));
        Assert.Equal(RiskLevel.Medium, risk.Level);
    }

    [Fact]
    public void False_positives_do_not_count()
    {
        var supplier = A.Supplier("MY", A.Product("Electronics", "MY"));
        var hit = Screener.Screen(supplier).Hits.Single();
        var risk = Assess(supplier, ReviewDecisions.Decide(hit, HitStatus.FalsePositive, "officer", DateTimeOffset.UnixEpoch));
        Assert.Empty(risk.Parts);
        Assert.Equal(RiskLevel.Low, risk.Level);
    }

    [Fact]
    public void Entity_match_is_a_part_of_its_own()
    {
        var risk = Assess(A.Named("Hoshine Silicon Industry Company Limited"));
        var part = Assert.Single(risk.Parts);
        Assert.Equal("entity-match", part.Kind);
        Assert.Contains("Hoshine", part.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_is_undetermined_not_low()
    {
        var risk = Assess(new SupplierToScreen("s-9", "Unknown Supplier", [], null, []));
        Assert.Empty(risk.Parts);
        Assert.Equal(0, risk.Score);
        Assert.Equal(RiskLevel.Undetermined, risk.Level);
        Assert.Equal(CoverageLevel.Poor, risk.Coverage.Level);
        Assert.Equal(2, risk.Coverage.Gaps.Count);
    }

    [Fact]
    public void Complete_data_without_hits_is_low()
    {
        var risk = Assess(A.Supplier("AU", A.Product("Cotton", "AU")));
        Assert.Equal((RiskLevel.Low, CoverageLevel.Complete), (risk.Level, risk.Coverage.Level));
    }

    [Fact]
    public void Parts_from_other_areas_add_to_the_score()
    {
        var result = Screener.Screen(A.Supplier("AU", A.Product("Wool", "AU")));
        var audit = new RiskPart("audit-findings", "Open audit findings", 30, "2 critical findings open");
        var risk = RiskScoring.Assess(ReviewDecisions.Apply(result.Hits, []), result.Coverage, [audit]);
        Assert.Equal((30, RiskLevel.Medium), (risk.Score, risk.Level));
    }
}
