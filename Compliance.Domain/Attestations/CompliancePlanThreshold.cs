using System.Globalization;

namespace Compliance.Domain.Attestations;

/// <summary>One threshold amount and the day it took effect.</summary>
public sealed record ThresholdStep(DateOnly EffectiveFrom, decimal Amount, string Source);

/// <summary>Whether a contract needs a compliance plan and the 52.222-56 certification, and why.</summary>
public sealed record CompliancePlanDecision(bool Required, decimal? Threshold, DateOnly? EffectiveFrom, string Reason);

/// <summary>
/// FAR 52.222-50(h)(1) and 52.222-56: a compliance plan (and the certification) is required for the portion of a contract
/// for supplies, other than COTS items, acquired outside the US or services performed outside the US whose estimated value
/// EXCEEDS the threshold. The threshold is inflation-adjusted, so it is effective-dated data (configurable), not a constant;
/// the date of award decides which step applies.
/// </summary>
public sealed class CompliancePlanThreshold
{
    private readonly ThresholdStep[] steps;

    public CompliancePlanThreshold(IEnumerable<ThresholdStep> steps)
    {
        this.steps = steps.OrderBy(s => s.EffectiveFrom).ToArray();
        if (this.steps.Length == 0) throw new ArgumentException("At least one threshold step is needed.", nameof(steps));
        if (this.steps.Any(s => s.Amount <= 0)) throw new ArgumentException("Threshold amounts must be positive.", nameof(steps));
        if (this.steps.Select(s => s.EffectiveFrom).Distinct().Count() != this.steps.Length)
            throw new ArgumentException("Two threshold steps take effect on the same day.", nameof(steps));
    }

    /// <summary>The FAR history: $500,000 (the 2015 rule, 80 FR 4967, effective 2 March 2015); $550,000 from 1 October 2020
    /// (FAC 2021-01); $700,000 from 1 October 2025 (FAC 2025-06, 90 FR 41872).</summary>
    public static CompliancePlanThreshold Far { get; } = new([
        new(new DateOnly(2015, 3, 2), 500_000m, "80 FR 4967 (FAR Case 2013-001)"),
        new(new DateOnly(2020, 10, 1), 550_000m, "FAC 2021-01 (FAR Case 2019-013)"),
        new(new DateOnly(2025, 10, 1), 700_000m, "FAC 2025-06 (FAR Case 2024-001, 90 FR 41872)"),
    ]);

    public IReadOnlyList<ThresholdStep> Steps => steps;

    /// <summary>The step in force on a day, or null before the first one.</summary>
    public ThresholdStep? InForceOn(DateOnly day) => steps.LastOrDefault(s => s.EffectiveFrom <= day);

    public CompliancePlanDecision Decide(decimal outsideUsValue, DateOnly awardDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outsideUsValue);
        var step = InForceOn(awardDate);
        if (step is null)
            return new(false, null, null,
                $"No compliance-plan requirement was in force on {Day(awardDate)}: it began on {Day(steps[0].EffectiveFrom)} (FAR 52.222-50(h)).");

        // FAR 52.222-50(h)(1): "exceeding" the threshold; a value equal to it does not require a plan.
        var required = outsideUsValue > step.Amount;
        var reason = required
            ? $"The estimated value outside the US, {Money(outsideUsValue)}, exceeds the {Money(step.Amount)} threshold in force on {Day(awardDate)} ({step.Source}): a compliance plan (FAR 52.222-50(h)) and the annual certification (FAR 52.222-56) are required."
            : $"The estimated value outside the US, {Money(outsideUsValue)}, does not exceed the {Money(step.Amount)} threshold in force on {Day(awardDate)} ({step.Source}): no compliance plan is required, though the zero-tolerance clause FAR 52.222-50 still applies.";
        return new(required, step.Amount, step.EffectiveFrom, reason);
    }

    private static string Money(decimal amount) => amount.ToString("$#,##0.##", CultureInfo.InvariantCulture);
    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
