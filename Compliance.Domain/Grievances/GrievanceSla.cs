namespace Compliance.Domain.Grievances;

/// <summary>
/// How fast the organization answers: acknowledge within <see cref="AcknowledgeDays"/>, reach an outcome within
/// <see cref="OutcomeDays"/>, both counted in calendar days from receipt.
/// </summary>
public sealed record GrievanceSlaPolicy(int AcknowledgeDays, int OutcomeDays)
{
    public const int MaxDays = 365;

    public static GrievanceSlaPolicy Default { get; } = new(7, 90);

    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (AcknowledgeDays is < 1 or > MaxDays) yield return ("acknowledgeDays", $"Days must be between 1 and {MaxDays}.");
        if (OutcomeDays is < 1 or > MaxDays) yield return ("outcomeDays", $"Days must be between 1 and {MaxDays}.");
        if (AcknowledgeDays > OutcomeDays) yield return ("acknowledgeDays", "Acknowledging cannot take longer than reaching an outcome.");
    }

    public (DateOnly AcknowledgeBy, DateOnly OutcomeBy) DeadlinesFor(DateTime receivedAtUtc)
    {
        var received = DateOnly.FromDateTime(receivedAtUtc);
        return (received.AddDays(AcknowledgeDays), received.AddDays(OutcomeDays));
    }
}

public enum SlaState
{
    OnTrack,
    /// <summary>A deadline is within 2 days.</summary>
    DueSoon,
    Breached,
    /// <summary>Both clocks stopped: acknowledged and an outcome reached.</summary>
    Met,
}

/// <summary>Where a case stands against its deadlines, on a given day. Derived, never stored, so it is right on the day it changes.</summary>
public sealed record SlaStanding(SlaState State, bool AcknowledgeBreached, bool OutcomeBreached, int AgeDays)
{
    public const int DueSoonDays = 2;

    public static SlaStanding Of(DateTime receivedAt, DateTime? acknowledgedAt, DateTime? outcomeAt,
        DateOnly acknowledgeBy, DateOnly outcomeBy, DateOnly today)
    {
        var acknowledgedOn = acknowledgedAt is { } a ? DateOnly.FromDateTime(a) : (DateOnly?)null;
        var outcomeOn = outcomeAt is { } o ? DateOnly.FromDateTime(o) : (DateOnly?)null;
        // A deadline is breached when the step came after it, or has still not come and the day is past it.
        var ackBreached = (acknowledgedOn ?? today) > acknowledgeBy;
        var outcomeBreached = (outcomeOn ?? today) > outcomeBy;
        var age = today.DayNumber - DateOnly.FromDateTime(receivedAt).DayNumber;
        var next = acknowledgedOn is null ? acknowledgeBy : outcomeBy;
        var state = ackBreached || outcomeBreached ? SlaState.Breached
            : outcomeOn is not null ? SlaState.Met
            : next.DayNumber - today.DayNumber <= DueSoonDays ? SlaState.DueSoon
            : SlaState.OnTrack;
        return new SlaStanding(state, ackBreached, outcomeBreached, age);
    }
}
