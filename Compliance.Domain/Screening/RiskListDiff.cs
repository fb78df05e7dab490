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

/// <summary>A listed entity in both editions whose aliases, type or notes differ.</summary>
public sealed record EntityChange(EntityEntry Before, EntityEntry After);

public sealed record EntityListDiff(RiskListInfo From, RiskListInfo To, IReadOnlyList<EntityEntry> Added, IReadOnlyList<EntityEntry> Removed, IReadOnlyList<EntityChange> Changed);

public static class EntityListComparison
{
    /// <summary>Entities added, removed, or changed (aliases, type, notes) from one edition of an entity list to another.</summary>
    public static EntityListDiff Compare(EntityList from, EntityList to)
    {
        var before = from.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First());
        var after = to.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First());
        return new EntityListDiff(from.Info, to.Info,
            [.. after.Values.Where(e => !before.ContainsKey(e.Key)).OrderBy(e => e.Name, StringComparer.Ordinal)],
            [.. before.Values.Where(e => !after.ContainsKey(e.Key)).OrderBy(e => e.Name, StringComparer.Ordinal)],
            [.. after.Values.Where(e => before.TryGetValue(e.Key, out var old) && old.Fingerprint != e.Fingerprint)
                .Select(e => new EntityChange(before[e.Key], e)).OrderBy(c => c.After.Name, StringComparer.Ordinal)]);
    }
}
