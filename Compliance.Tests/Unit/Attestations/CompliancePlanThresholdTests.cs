using Compliance.Domain.Attestations;

namespace Compliance.Tests.Unit.Attestations;

public class CompliancePlanThresholdTests
{
    private static readonly CompliancePlanThreshold Far = CompliancePlanThreshold.Far;

    [Theory]
    // $550,000 in force from 1 October 2020 until 30 September 2025.
    [InlineData("2021-06-01", "550000", false)]
    [InlineData("2021-06-01", "550000.01", true)]
    [InlineData("2025-09-30", "600000", true)]
    // $700,000 from 1 October 2025: the award date decides.
    [InlineData("2025-10-01", "600000", false)]
    [InlineData("2025-10-01", "700000", false)]
    [InlineData("2025-10-01", "700000.01", true)]
    // $500,000 before 1 October 2020.
    [InlineData("2020-09-30", "520000", true)]
    [InlineData("2020-10-01", "520000", false)]
    [InlineData("2019-01-15", "500000", false)]
    [InlineData("2026-03-01", "0", false)]
    public void The_plan_is_required_only_above_the_threshold_in_force_on_the_award_date(string award, string value, bool required)
    {
        var decision = Far.Decide(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(award, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(required, decision.Required);
    }

    [Fact]
    public void The_reason_names_the_value_the_threshold_its_source_and_the_date()
    {
        var decision = Far.Decide(750_000m, new DateOnly(2026, 1, 15));

        Assert.True(decision.Required);
        Assert.Equal(700_000m, decision.Threshold);
        Assert.Equal(new DateOnly(2025, 10, 1), decision.EffectiveFrom);
        Assert.Contains("$750,000", decision.Reason);
        Assert.Contains("$700,000", decision.Reason);
        Assert.Contains("15 January 2026", decision.Reason);
        Assert.Contains("FAC 2025-06", decision.Reason);
        Assert.Contains("52.222-56", decision.Reason);
    }

    [Fact]
    public void Before_the_first_rule_took_effect_no_plan_is_required_and_the_reason_says_so()
    {
        var decision = Far.Decide(10_000_000m, new DateOnly(2014, 12, 31));

        Assert.False(decision.Required);
        Assert.Null(decision.Threshold);
        Assert.Contains("2 March 2015", decision.Reason);
    }

    [Fact]
    public void A_configured_schedule_replaces_the_built_in_one()
    {
        var configured = new CompliancePlanThreshold([
            new(new DateOnly(2030, 10, 1), 800_000m, "a future adjustment"),
            new(new DateOnly(2025, 10, 1), 700_000m, "FAC 2025-06"),
        ]);

        Assert.False(configured.Decide(750_000m, new DateOnly(2030, 10, 1)).Required);
        Assert.True(configured.Decide(750_000m, new DateOnly(2030, 9, 30)).Required);
    }

    [Fact]
    public void A_schedule_with_two_steps_on_one_day_or_a_non_positive_amount_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CompliancePlanThreshold([
            new(new DateOnly(2025, 10, 1), 700_000m, "a"), new(new DateOnly(2025, 10, 1), 710_000m, "b")]));
        Assert.Throws<ArgumentException>(() => new CompliancePlanThreshold([new(new DateOnly(2025, 10, 1), 0m, "a")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CompliancePlanThreshold.Far.Decide(-1m, new DateOnly(2026, 1, 1)));
    }
}
