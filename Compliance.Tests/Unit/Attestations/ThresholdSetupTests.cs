using Compliance.Domain.Attestations;
using Compliance.Web.Features.Attestations;
using Microsoft.Extensions.Configuration;

namespace Compliance.Tests.Unit.Attestations;

public sealed class ThresholdSetupTests
{
    [Fact]
    public void Without_settings_the_far_history_applies() =>
        Assert.Same(CompliancePlanThreshold.Far, ThresholdSetup.From(new ConfigurationBuilder().Build()));

    [Fact]
    public void A_new_inflation_step_is_a_setting_not_a_release()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Attestations:Thresholds:0:EffectiveFrom"] = "2020-10-01", ["Attestations:Thresholds:0:Amount"] = "550000",
            ["Attestations:Thresholds:1:EffectiveFrom"] = "2025-10-01", ["Attestations:Thresholds:1:Amount"] = "700000",
            ["Attestations:Thresholds:2:EffectiveFrom"] = "2030-10-01", ["Attestations:Thresholds:2:Amount"] = "850000", ["Attestations:Thresholds:2:Source"] = "FAC 2030-99",
        }).Build();
        var threshold = ThresholdSetup.From(configuration);
        Assert.True(threshold.Decide(800_000m, new DateOnly(2030, 9, 30)).Required);
        var after = threshold.Decide(800_000m, new DateOnly(2030, 10, 1));
        Assert.False(after.Required);
        Assert.Contains("FAC 2030-99", after.Reason, StringComparison.Ordinal);
    }
}
