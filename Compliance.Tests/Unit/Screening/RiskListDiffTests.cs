using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

public sealed class RiskListDiffTests
{
    private static readonly GoodsListDiff From2020To2022 = RiskListDiff.Compare(ReferenceData.History("2020"), ReferenceData.History("2022"));

    [Fact]
    public void Cotton_from_Uzbekistan_was_removed_in_2022() =>
        Assert.Contains(From2020To2022.Removed, e => e is { Good: "Cotton", Country: "UZ" });

    [Fact]
    public void Acai_from_Brazil_was_added_in_2022() =>
        Assert.Contains(From2020To2022.Added, e => e.Key == "acai berry|BR");

    [Fact]
    public void Counts_add_up_to_both_editions()
    {
        var unchangedOrChanged = 438 - From2020To2022.Removed.Count;
        Assert.Equal(457, unchangedOrChanged + From2020To2022.Added.Count);
    }

    [Fact]
    public void Renamed_goods_are_the_same_good()
    {
        var diff = RiskListDiff.Compare(ReferenceData.History("2014"), ReferenceData.History("2016"));
        Assert.DoesNotContain(diff.Added, e => e.Good == "Tin ore (cassiterite)" && e.Country == "CD");
        Assert.DoesNotContain(diff.Removed, e => e.Good == "Cassiterite (tin ore)" && e.Country == "CD");
    }

    [Fact]
    public void Flag_changes_show_before_and_after()
    {
        var diff = RiskListDiff.Compare(ReferenceData.History("2018"), ReferenceData.History("2020"));
        var cotton = Assert.Single(diff.FlagsChanged, c => c.After is { Good: "Cotton", Country: "UZ" });
        Assert.True(cotton.Before.ForcedChildLabor);
        Assert.False(cotton.After.ForcedChildLabor);
    }
}
