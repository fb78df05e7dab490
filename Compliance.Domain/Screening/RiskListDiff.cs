namespace Compliance.Domain.Screening;

/// <summary>A good × country in both editions whose flags (or downstream input) differ.</summary>
public sealed record GoodsChange(GoodsEntry Before, GoodsEntry After);

public sealed record GoodsListDiff(RiskListInfo From, RiskListInfo To, IReadOnlyList<GoodsEntry> Added, IReadOnlyList<GoodsEntry> Removed, IReadOnlyList<GoodsChange> FlagsChanged);

public static class RiskListDiff
{
    /// <summary>What changed from one edition to another, good × country, with DOL's renames folded (see <see cref="GoodNames.Key"/>).</summary>
    public static GoodsListDiff Compare(GoodsList from, GoodsList to)
    {
        var before = from.Entries.Where(e => e.Status == EntryStatus.Listed).ToDictionary(e => e.Key);
        var after = to.Entries.Where(e => e.Status == EntryStatus.Listed).ToDictionary(e => e.Key);
        var added = after.Values.Where(e => !before.ContainsKey(e.Key)).OrderBy(e => e.Good).ThenBy(e => e.Country).ToList();
        var removed = before.Values.Where(e => !after.ContainsKey(e.Key)).OrderBy(e => e.Good).ThenBy(e => e.Country).ToList();
        var changed = after.Values
            .Where(e => before.TryGetValue(e.Key, out var old) && old.Fingerprint != e.Fingerprint)
            .Select(e => new GoodsChange(before[e.Key], e))
            .OrderBy(c => c.After.Good).ThenBy(c => c.After.Country).ToList();
        return new GoodsListDiff(from.Info, to.Info, added, removed, changed);
    }
}
