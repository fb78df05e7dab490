namespace Compliance.Domain.Screening;

/// <summary>A stored hit that is still current: its row id and the question it answers.</summary>
public sealed record CurrentHit(Guid Id, string DecisionKey, string EntryFingerprint);

public enum HitChange
{
    /// <summary>Never seen before, no decision: a reviewer must look.</summary>
    New,
    /// <summary>The same question, but the list entry changed since the last row or decision: open again.</summary>
    Changed,
    /// <summary>Seen before and decided; it went away and came back unchanged, so the decision still holds.</summary>
    Returned,
}

public sealed record AddedHit(ScreeningHit Hit, HitStatus Status, ReviewDecision? Decision, bool EntryChanged, Guid? PreviousId, HitChange Change)
{
    /// <summary>Only hits that need a reviewer raise a notice; a kept decision is not news.</summary>
    public bool Notify => Status == HitStatus.Open;
}

/// <summary>What a re-screen does to one supplier's stored hits.</summary>
public sealed record HitPlan(IReadOnlyList<(Guid Id, ScreeningHit Hit)> Kept, IReadOnlyList<AddedHit> Added, IReadOnlyList<Guid> Cleared);

public static class HitReconciliation
{
    /// <summary>
    /// Compares the latest screening of a supplier with its current stored hits. An unchanged hit keeps its row (and so its
    /// status); a hit whose entry changed closes the old row and opens a new one; a hit that went away is closed. New rows
    /// take their status from earlier decisions through <see cref="ReviewDecisions.Apply"/>: kept unless the entry changed.
    /// </summary>
    public static HitPlan Plan(IReadOnlyCollection<CurrentHit> current, IEnumerable<ScreeningHit> screened, IEnumerable<ReviewDecision> decisions)
    {
        // One row per question: the same field matching the same entry twice (by name and by HS code) is one hit.
        // Each hit's key is a SHA-256, so it is worked out once here rather than at every look-up.
        var latest = screened.Select(h => (Key: h.DecisionKey, Hit: h)).GroupBy(k => k.Key).Select(g => g.MaxBy(k => k.Hit.Score)).ToList();
        var byKey = current.GroupBy(c => c.DecisionKey).ToDictionary(g => g.Key, g => g.ToList());
        var kept = new List<(Guid, ScreeningHit)>();
        var added = new List<AddedHit>();
        var cleared = new HashSet<Guid>();
        var reviewed = ReviewDecisions.Apply(latest, decisions); // in the order of latest
        for (var k = 0; k < latest.Count; k++)
        {
            var (key, hit) = latest[k];
            var rows = byKey.GetValueOrDefault(key) ?? [];
            var same = rows.FirstOrDefault(r => r.EntryFingerprint == hit.EntryFingerprint);
            foreach (var other in rows.Where(r => r != same)) cleared.Add(other.Id);
            if (same is not null) { kept.Add((same.Id, hit)); continue; }
            var review = reviewed[k];
            var previous = rows.FirstOrDefault();
            var change = previous is not null || review.EntryChanged ? HitChange.Changed
                : review.Decision is not null ? HitChange.Returned
                : HitChange.New;
            added.Add(new AddedHit(hit, review.Status, review.Decision, review.EntryChanged || previous is not null, previous?.Id, change));
        }
        var seen = latest.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var row in current.Where(c => !seen.Contains(c.DecisionKey))) cleared.Add(row.Id);
        return new HitPlan(kept, added, [.. cleared]);
    }
}
