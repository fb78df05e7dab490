using System.Collections.Concurrent;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Infrastructure.Screening;

/// <summary>A screener over the current editions one organization sees, with the stored ids behind each list entry.</summary>
public sealed class ListedScreener(Screener screener, IReadOnlyList<RiskList> lists, IReadOnlyDictionary<string, (Guid ListId, Guid EntryId)> entries)
{
    public Screener Screener { get; } = screener;

    /// <summary>The editions screened against, newest first per list.</summary>
    public IReadOnlyList<RiskList> Lists { get; } = lists;

    /// <summary>The stored list and entry of a hit (by <see cref="ScreeningHit.EntryKey"/>).</summary>
    public (Guid ListId, Guid? EntryId) Locate(ScreeningHit hit) =>
        entries.TryGetValue(hit.EntryKey, out var found) ? (found.ListId, found.EntryId)
        : (Lists.First(l => l.Kind == hit.ListKind && l.Name == hit.List && l.Edition == hit.Edition).Id, null);

    /// <summary>The editions a run screened against, as its record shows them (one a line).</summary>
    public string Describe() => string.Join('\n', Lists.Select(l => $"{l.Name} {l.Edition}{(l.OwnerOrganizationId is null ? "" : " (own list)")}"));
}

/// <summary>
/// Screeners built from the stored lists: the platform's current editions plus the current organization's own lists
/// (the tenant filter decides which rows are visible). Editions are immutable, so a screener is cached by the ids of the
/// editions it was built from and never goes stale; a new edition simply makes a new key.
/// </summary>
public sealed class ScreeningLists(IConfiguration configuration)
{
    private const int MaxCached = 64;
    private readonly ConcurrentDictionary<string, Lazy<Task<ListedScreener>>> cache = new(StringComparer.Ordinal);

    public ScreeningOptions Options { get; } = new()
    {
        NameThreshold = configuration.GetValue($"{ScreeningOptions.Section}:NameThreshold", ScreeningOptions.DefaultNameThreshold),
    };

    /// <summary>The current edition of each list visible to the organization: per owner, kind and name, the latest edition.</summary>
    public static async Task<List<RiskList>> CurrentAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var all = await db.RiskLists.AsNoTracking().ToListAsync(ct);
        return [.. all.GroupBy(l => (l.OwnerOrganizationId, l.Kind, l.Name))
            .Select(g => g.OrderByDescending(l => l.Edition, EditionOrder.Instance).ThenByDescending(l => l.ImportedAt).First())
            .OrderBy(l => l.Kind).ThenBy(l => l.Name, StringComparer.Ordinal)];
    }

    public async Task<ListedScreener> ForAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var lists = await CurrentAsync(db, ct);
        var key = string.Join(',', lists.Select(l => l.Id).Order());
        if (cache.Count > MaxCached) cache.Clear();
        var lazy = cache.GetOrAdd(key, _ => new Lazy<Task<ListedScreener>>(() => BuildAsync(db, lists, ct)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            cache.TryRemove(key, out _);
            throw;
        }
    }

    private async Task<ListedScreener> BuildAsync(ComplianceDbContext db, List<RiskList> lists, CancellationToken ct)
    {
        var ids = lists.Select(l => l.Id).ToList();
        var rows = (await db.RiskListEntries.AsNoTracking().Where(e => ids.Contains(e.RiskListId)).ToListAsync(ct)).ToLookup(e => e.RiskListId);
        var goods = new List<GoodsList>();
        var entities = new List<EntityList>();
        var entries = new Dictionary<string, (Guid, Guid)>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            var info = list.Info;
            if (list.Kind == RiskListKind.Entity)
                entities.Add(new EntityList(info, [.. rows[list.Id].Select(e => e.ToEntity())]));
            else
                goods.Add(new GoodsList(info, [.. rows[list.Id].Select(e => e.ToGoods())]));
            foreach (var e in rows[list.Id]) entries.TryAdd($"{info.Kind}:{info.Name}:{e.Key}", (list.Id, e.Id));
        }
        return new ListedScreener(new Screener(goods, entities, Options), lists, entries);
    }
}
