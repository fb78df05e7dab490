using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

public sealed class HitReconciliationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static GoodsList Edition(string edition, bool cocoaForcedLabor, bool withCotton = true) => new(
        new RiskListInfo(RiskListKind.DolGoods, "DOL TVPRA List of Goods", edition, "test", "sha", null, false, null),
        [
            new GoodsEntry("Cocoa", "CI", "Côte d'Ivoire", true, cocoaForcedLabor, false),
            .. withCotton ? new[] { new GoodsEntry("Cotton", "CN", "China", true, true, false) } : [],
        ]);

    private static readonly SupplierToScreen Supplier = new("s-42", "Abidjan Cocoa Export", [], "CI",
        [new ProductToScreen("Cocoa beans"), new ProductToScreen("Cotton", OriginCountry: "CN")]);

    private static IReadOnlyList<ScreeningHit> Screen(GoodsList list) => new Screener([list], []).Screen(Supplier).Hits;

    private static List<CurrentHit> Stored(HitPlan plan) =>
        [.. plan.Kept.Select(k => new CurrentHit(k.Id, k.Hit.DecisionKey, k.Hit.EntryFingerprint)),
         .. plan.Added.Select(a => new CurrentHit(Guid.NewGuid(), a.Hit.DecisionKey, a.Hit.EntryFingerprint))];

    [Fact]
    public void First_screening_adds_every_hit_as_new_and_open()
    {
        var plan = HitReconciliation.Plan([], Screen(Edition("2022", false)), []);
        Assert.Equal(2, plan.Added.Count);
        Assert.All(plan.Added, a => { Assert.Equal(HitChange.New, a.Change); Assert.Equal(HitStatus.Open, a.Status); Assert.True(a.Notify); });
        Assert.Empty(plan.Kept);
        Assert.Empty(plan.Cleared);
    }

    [Fact]
    public void Re_screening_an_unchanged_entry_in_a_new_edition_keeps_the_row_and_raises_nothing()
    {
        var first = HitReconciliation.Plan([], Screen(Edition("2022", false)), []);
        var stored = Stored(first);
        var again = HitReconciliation.Plan(stored, Screen(Edition("2024", false)), []);
        Assert.Equal(2, again.Kept.Count);
        Assert.Empty(again.Added);
        Assert.Empty(again.Cleared);
        Assert.All(again.Kept, k => Assert.Contains(stored, s => s.Id == k.Id));
    }

    [Fact]
    public void A_changed_entry_closes_the_old_row_and_opens_a_new_one_even_when_decided()
    {
        var hits = Screen(Edition("2022", false));
        var stored = Stored(HitReconciliation.Plan([], hits, []));
        var cocoa = hits.Single(h => h.Good == "Cocoa");
        var decision = ReviewDecisions.Decide(cocoa, HitStatus.FalsePositive, "officer@example.com", Monday, "Ghanaian cocoa only");
        var oldRow = stored.Single(s => s.DecisionKey == cocoa.DecisionKey);

        var plan = HitReconciliation.Plan(stored, Screen(Edition("2024", cocoaForcedLabor: true)), [decision]);

        Assert.Contains(oldRow.Id, plan.Cleared);
        var reopened = Assert.Single(plan.Added);
        Assert.Equal(HitChange.Changed, reopened.Change);
        Assert.Equal(HitStatus.Open, reopened.Status);
        Assert.True(reopened.EntryChanged);
        Assert.Equal(oldRow.Id, reopened.PreviousId);
        Assert.Same(decision, reopened.Decision);
        Assert.True(reopened.Notify);
    }

    [Fact]
    public void A_hit_that_goes_away_is_closed_and_one_that_returns_unchanged_keeps_its_decision_silently()
    {
        var hits = Screen(Edition("2022", false));
        var stored = Stored(HitReconciliation.Plan([], hits, []));
        var cotton = hits.Single(h => h.Good == "Cotton");
        var decision = ReviewDecisions.Decide(cotton, HitStatus.Mitigated, "officer@example.com", Monday, "Better Cotton certified");

        var gone = HitReconciliation.Plan(stored, Screen(Edition("2024", false, withCotton: false)), [decision]);
        Assert.Contains(stored.Single(s => s.DecisionKey == cotton.DecisionKey).Id, gone.Cleared);

        var remaining = stored.Where(s => s.DecisionKey != cotton.DecisionKey).ToList();
        var back = HitReconciliation.Plan(remaining, Screen(Edition("2026", false)), [decision]);
        var returned = Assert.Single(back.Added);
        Assert.Equal(HitChange.Returned, returned.Change);
        Assert.Equal(HitStatus.Mitigated, returned.Status);
        Assert.False(returned.Notify);
    }
}

public sealed class EditionOrderTests
{
    [Theory]
    [InlineData("2", "10")]
    [InlineData("2020", "2022")]
    [InlineData("2016-10 (partial, updates to 2024-09)", "2024")]
    [InlineData("2026-06", "2026-12")]
    [InlineData("v9", "v10")]
    public void Later_editions_sort_after_earlier_ones(string earlier, string later)
    {
        Assert.True(EditionOrder.Instance.Compare(earlier, later) < 0);
        Assert.True(EditionOrder.Instance.Compare(later, earlier) > 0);
    }
}
