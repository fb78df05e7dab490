using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

public sealed class ReviewDecisionTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static GoodsList Edition(string edition, bool cocoaForcedLabor) => new(
        new RiskListInfo(RiskListKind.DolGoods, "DOL TVPRA List of Goods", edition, "test", "sha", null, false, null),
        [
            new GoodsEntry("Cocoa", "CI", "Côte d'Ivoire", true, cocoaForcedLabor, false),
            new GoodsEntry("Cotton", "CN", "China", true, true, false),
        ]);

    private static readonly SupplierToScreen Supplier = new("s-42", "Abidjan Cocoa Export", [], "CI",
        [new ProductToScreen("Cocoa beans"), new ProductToScreen("Cotton", OriginCountry: "CN")]);

    private static IReadOnlyList<ScreeningHit> Screen(GoodsList list) => new Screener([list], []).Screen(Supplier).Hits;

    [Fact]
    public void Re_screening_against_an_unchanged_entry_keeps_the_decision()
    {
        var first = Screen(Edition("2022", cocoaForcedLabor: false));
        var cocoa = first.Single(h => h.Good == "Cocoa");
        var decision = ReviewDecisions.Decide(cocoa, HitStatus.FalsePositive, "officer@example.com", Monday, "We buy Ghanaian cocoa only");

        // A new edition with the same cocoa entry: same decision key, same fingerprint.
        var again = ReviewDecisions.Apply(Screen(Edition("2024", cocoaForcedLabor: false)), [decision]);

        var reviewed = again.Single(h => h.Hit.Good == "Cocoa");
        Assert.Equal(HitStatus.FalsePositive, reviewed.Status);
        Assert.False(reviewed.EntryChanged);
        Assert.Equal(HitStatus.Open, again.Single(h => h.Hit.Good == "Cotton").Status);
    }

    [Fact]
    public void A_changed_entry_reopens_the_hit_and_keeps_the_old_decision_visible()
    {
        var cocoa = Screen(Edition("2022", cocoaForcedLabor: false)).Single(h => h.Good == "Cocoa");
        var decision = ReviewDecisions.Decide(cocoa, HitStatus.Mitigated, "officer@example.com", Monday);

        var again = ReviewDecisions.Apply(Screen(Edition("2024", cocoaForcedLabor: true)), [decision]);

        var reviewed = again.Single(h => h.Hit.Good == "Cocoa");
        Assert.Equal(HitStatus.Open, reviewed.Status);
        Assert.True(reviewed.EntryChanged);
        Assert.Equal(HitStatus.Mitigated, reviewed.Decision!.Status);
    }

    [Fact]
    public void The_latest_decision_counts()
    {
        var cocoa = Screen(Edition("2022", false)).Single(h => h.Good == "Cocoa");
        var decisions = new[]
        {
            ReviewDecisions.Decide(cocoa, HitStatus.Confirmed, "a", Monday.AddDays(1)),
            ReviewDecisions.Decide(cocoa, HitStatus.FalsePositive, "b", Monday),
        };
        Assert.Equal(HitStatus.Confirmed, ReviewDecisions.Apply([cocoa], decisions).Single().Status);
    }

    [Fact]
    public void Decision_keys_are_stable_across_runs_and_differ_between_suppliers()
    {
        var a = Screen(Edition("2022", false)).Single(h => h.Good == "Cocoa");
        var b = Screen(Edition("2022", false)).Single(h => h.Good == "Cocoa");
        Assert.Equal(a.DecisionKey, b.DecisionKey);
        Assert.NotEqual(a.DecisionKey, (a with { SupplierId = "s-43" }).DecisionKey);
    }

    [Fact]
    public void Entity_decisions_survive_a_new_edition_unless_aliases_change()
    {
        EntityList List(string edition, params string[] aliases) => new(
            new RiskListInfo(RiskListKind.Entity, "CBP WRO", edition, "test", "sha", null, false, null),
            [new EntityEntry("Hoshine Silicon Industry Co. Ltd.", aliases)]);
        var supplier = A.Named("Hoshine Silicon Industry Company");
        var hit = new Screener([], [List("2025")]).Screen(supplier).Hits.Single();
        var decision = ReviewDecisions.Decide(hit, HitStatus.Confirmed, "officer", Monday);

        var same = new Screener([], [List("2026")]).Screen(supplier).Hits;
        Assert.Equal(HitStatus.Confirmed, ReviewDecisions.Apply(same, [decision]).Single().Status);

        var changed = new Screener([], [List("2026", "Hoshine Silicon (Shanshan)")]).Screen(supplier).Hits;
        Assert.True(ReviewDecisions.Apply(changed, [decision]).Single().EntryChanged);
    }
}
