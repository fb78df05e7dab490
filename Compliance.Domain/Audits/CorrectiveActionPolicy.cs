namespace Compliance.Domain.Audits;

/// <summary>
/// How long a supplier has to correct a finding, by severity; set per organization. Defaults: zero tolerance
/// 30 days, major 90, minor 180 (observations, which need no action, a year if one is planned).
/// </summary>
public sealed record CorrectiveActionPolicy(int ZeroToleranceDays = 30, int MajorDays = 90, int MinorDays = 180, int ObservationDays = 365)
{
    public const int MaxDays = 3650;

    public static CorrectiveActionPolicy Default { get; } = new();

    public int DaysFor(FindingSeverity severity) => severity switch
    {
        FindingSeverity.ZeroTolerance => ZeroToleranceDays,
        FindingSeverity.Major => MajorDays,
        FindingSeverity.Minor => MinorDays,
        _ => ObservationDays,
    };

    public DateOnly DueDate(FindingSeverity severity, DateOnly raisedOn) => raisedOn.AddDays(DaysFor(severity));

    public IEnumerable<string> Problems()
    {
        if (ZeroToleranceDays is < 1 or > MaxDays) yield return nameof(ZeroToleranceDays);
        if (MajorDays is < 1 or > MaxDays) yield return nameof(MajorDays);
        if (MinorDays is < 1 or > MaxDays) yield return nameof(MinorDays);
        if (ObservationDays is < 1 or > MaxDays) yield return nameof(ObservationDays);
        if (!(ZeroToleranceDays <= MajorDays && MajorDays <= MinorDays)) yield return "order";
    }
}

/// <summary>Open corrective actions by age, for the CAP ageing view.</summary>
public static class CapAgeing
{
    /// <summary>Buckets by days since the action was raised: 0–30, 31–60, 61–90, 91–180, over 180.</summary>
    public static readonly (string Label, int UpToDays)[] Buckets = [("0–30 days", 30), ("31–60 days", 60), ("61–90 days", 90), ("91–180 days", 180), ("over 180 days", int.MaxValue)];

    public static string BucketOf(DateOnly raisedOn, DateOnly today)
    {
        var age = today.DayNumber - raisedOn.DayNumber;
        return Buckets.First(b => age <= b.UpToDays).Label;
    }
}
