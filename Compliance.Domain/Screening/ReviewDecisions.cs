namespace Compliance.Domain.Screening;

public enum HitStatus { Open, Confirmed, FalsePositive, Mitigated }

/// <summary>A reviewer's decision on a hit, with the fingerprint of the list entry as the reviewer saw it.</summary>
public sealed record ReviewDecision(string DecisionKey, string EntryFingerprint, HitStatus Status, string DecidedBy, DateTimeOffset DecidedAt, string? Note = null);

/// <summary>A hit of the latest screening with the status it carries after earlier decisions.</summary>
/// <param name="EntryChanged">A decision existed but the list entry changed since (new flags, new alias): the hit is open again.</param>
public sealed record ReviewedHit(ScreeningHit Hit, HitStatus Status, ReviewDecision? Decision, bool EntryChanged);

public static class ReviewDecisions
{
    public static ReviewDecision Decide(ScreeningHit hit, HitStatus status, string decidedBy, DateTimeOffset decidedAt, string? note = null) =>
        new(hit.DecisionKey, hit.EntryFingerprint, status, decidedBy, decidedAt, note);

    /// <summary>
    /// Re-screening keeps a decision while the same supplier field still matches the same entry and the entry is unchanged;
    /// a changed entry (its fingerprint differs) reopens the hit, keeping the old decision for the reviewer to see.
    /// </summary>
    public static IReadOnlyList<ReviewedHit> Apply(IEnumerable<ScreeningHit> hits, IEnumerable<ReviewDecision> decisions) =>
        Apply(hits.Select(h => (h.DecisionKey, h)), decisions);

    /// <summary><see cref="Apply(IEnumerable{ScreeningHit}, IEnumerable{ReviewDecision})"/> with each hit's <see cref="ScreeningHit.DecisionKey"/> (a SHA-256) already worked out.</summary>
    internal static IReadOnlyList<ReviewedHit> Apply(IEnumerable<(string Key, ScreeningHit Hit)> hits, IEnumerable<ReviewDecision> decisions)
    {
        var latest = decisions.GroupBy(d => d.DecisionKey).ToDictionary(g => g.Key, g => g.MaxBy(d => d.DecidedAt)!);
        return [.. hits.Select(h => latest.TryGetValue(h.Key, out var decision)
            ? decision.EntryFingerprint == h.Hit.EntryFingerprint
                ? new ReviewedHit(h.Hit, decision.Status, decision, false)
                : new ReviewedHit(h.Hit, HitStatus.Open, decision, true)
            : new ReviewedHit(h.Hit, HitStatus.Open, null, false))];
    }
}
