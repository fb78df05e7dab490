using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Common;
using Compliance.Domain.Screening;
using Compliance.Domain.Suppliers;
using Compliance.Web.Features.Notifications;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Screening;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Screening;

/// <summary>
/// Screens an organization's suppliers (all, or some) against the current editions and records the outcome: unchanged
/// hits keep their row and status, changed and new ones get a row (status from earlier decisions), gone ones are closed
/// and kept as history. One notice per supplier with new or changed hits; a kept decision raises none.
/// </summary>
public sealed class ScreeningPass(ComplianceDbContext db, ScreeningLists lists, TimeProvider clock)
{
    private const int Chunk = 500;

    /// <summary>What a pass found; <see cref="Editions"/> are the editions its screener was built from, for the run's record.</summary>
    public sealed record Counts(int Suppliers, int Hits, int New, int Changed, int Cleared)
    {
        public string Editions { get; init; } = "";
    }

    /// <summary>The supplier as the screener sees it. Products in a stable order, since a hit's field ("products[2].name") is part of the question a decision answers.</summary>
    public static (SupplierToScreen Input, List<SupplierProduct> Products) Input(Supplier s)
    {
        var products = s.Products.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.HsCode, StringComparer.Ordinal)
            .ThenBy(p => p.OriginCountry, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
        return (new SupplierToScreen(s.Id.ToString(), s.Name, s.AlternateNames, s.Country,
            [.. products.Select(p => new ProductToScreen(p.Name, p.HsCode, p.OriginCountry))]), products);
    }

    public async Task<Counts> RunAsync(Guid runId, IReadOnlyCollection<Guid>? supplierIds, Func<int, Task>? progress, CancellationToken ct)
    {
        var screener = await lists.ForAsync(db, ct);
        var ids = supplierIds?.ToList() ?? await db.Suppliers.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var total = new Counts(0, 0, 0, 0, 0);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var counts = await ScreenChunkAsync(runId, chunk, screener, ct);
            total = new Counts(total.Suppliers + counts.Suppliers, total.Hits + counts.Hits, total.New + counts.New, total.Changed + counts.Changed, total.Cleared + counts.Cleared);
            if (progress is not null) await progress(total.Suppliers);
        }
        return total with { Editions = screener.Describe() };
    }

    private async Task<Counts> ScreenChunkAsync(Guid runId, Guid[] chunk, ListedScreener screener, CancellationToken ct)
    {
        var suppliers = await db.Suppliers.AsNoTracking().Include(s => s.Products).Where(s => chunk.Contains(s.Id)).ToListAsync(ct);
        var current = (await db.ScreeningHits.Where(h => chunk.Contains(h.SupplierId) && h.ClearedAt == null).ToListAsync(ct)).ToLookup(h => h.SupplierId);
        var decisions = (await db.ScreeningDecisions.AsNoTracking().Where(d => chunk.Contains(d.SupplierId)).ToListAsync(ct)).ToLookup(d => d.SupplierId);
        var inputs = suppliers.Select(Input).ToList();
        var results = screener.Screener.ScreenAll([.. inputs.Select(i => i.Input)]);
        var now = clock.GetUtcNow().UtcDateTime;
        int hits = 0, added = 0, changed = 0, cleared = 0;
        var notices = new List<Notification>();
        for (var i = 0; i < suppliers.Count; i++)
        {
            var supplier = suppliers[i];
            var rows = current[supplier.Id].ToDictionary(h => h.Id);
            var plan = HitReconciliation.Plan([.. rows.Values.Select(h => new CurrentHit(h.Id, h.DecisionKey, h.EntryFingerprint))],
                results[i].Hits, decisions[supplier.Id].Select(d => d.ToDecision()));
            foreach (var (id, hit) in plan.Kept)
            {
                var row = rows[id];
                row.LastRunId = runId;
                row.LastSeenAt = now;
                if (row.Edition != hit.Edition)
                {
                    // Same entry in a newer edition: the decision stands; the hit now cites the edition it was found in.
                    (row.RiskListId, row.RiskListEntryId) = screener.Locate(hit);
                    (row.Edition, row.Explanation, row.Score, row.Rule) = (hit.Edition, Clip(hit.Explanation, 4000), hit.Score, hit.Rule);
                }
            }
            foreach (var id in plan.Cleared) rows[id].ClearedAt = now;
            foreach (var a in plan.Added)
            {
                var (listId, entryId) = screener.Locate(a.Hit);
                db.ScreeningHits.Add(Record(a, supplier.Id, ProductOf(a.Hit.MatchedOn, inputs[i].Products), listId, entryId, runId, now));
            }
            hits += plan.Kept.Count + plan.Added.Count;
            added += plan.Added.Count(a => a.Change == HitChange.New);
            changed += plan.Added.Count(a => a.Change == HitChange.Changed);
            cleared += plan.Cleared.Count;
            var news = plan.Added.Where(a => a.Notify).ToList();
            if (news.Count > 0) notices.Add(Notice(supplier, news, now));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (notices.Count > 0) await Notices.RaiseAsync(db, notices, ct);
        db.ChangeTracker.Clear();
        return new Counts(suppliers.Count, hits, added, changed, cleared);
    }

    private static RecordedHit Record(AddedHit a, Guid supplierId, Guid? productId, Guid listId, Guid? entryId, Guid runId, DateTime now) => new()
    {
        SupplierId = supplierId, SupplierProductId = productId, RiskListId = listId, RiskListEntryId = entryId,
        Kind = a.Hit.Kind, ListKind = a.Hit.ListKind, ListName = a.Hit.List, Edition = a.Hit.Edition, Good = a.Hit.Good, EntityName = a.Hit.EntityName,
        Country = a.Hit.Country, ChildLabor = a.Hit.ChildLabor, ForcedLabor = a.Hit.ForcedLabor, ForcedChildLabor = a.Hit.ForcedChildLabor,
        Downstream = a.Hit.Downstream, Score = a.Hit.Score, MatchedOn = a.Hit.MatchedOn, MatchedText = Clip(a.Hit.MatchedText, 400), Rule = a.Hit.Rule,
        Explanation = Clip(a.Hit.Explanation, 4000), EntryKey = Clip(a.Hit.EntryKey, 700), EntryFingerprint = a.Hit.EntryFingerprint, DecisionKey = a.Hit.DecisionKey,
        Status = a.Status, EntryChanged = a.EntryChanged,
        // A kept decision travels with the hit; a reopened one stays in the decision history only.
        DecidedBy = a.Status == HitStatus.Open ? null : a.Decision?.DecidedBy,
        DecidedAt = a.Status == HitStatus.Open ? null : a.Decision?.DecidedAt.UtcDateTime,
        DecisionReason = a.Status == HitStatus.Open ? null : a.Decision?.Note,
        FirstRunId = runId, FirstSeenAt = now, LastRunId = runId, LastSeenAt = now, PreviousHitId = a.PreviousId,
    };

    private static Guid? ProductOf(string matchedOn, List<SupplierProduct> products) =>
        matchedOn.StartsWith("products[", StringComparison.Ordinal)
        && int.TryParse(matchedOn.AsSpan(9, matchedOn.IndexOf(']', StringComparison.Ordinal) - 9), out var index) && index < products.Count
            ? products[index].Id : null;

    private static Notification Notice(Supplier s, List<AddedHit> news, DateTime now)
    {
        var what = string.Join("; ", news.Select(a => (a.Hit.Kind == HitKind.Goods ? $"{a.Hit.Good} ({a.Hit.Country}) on the {a.Hit.List} {a.Hit.Edition}" : $"name like {a.Hit.EntityName} on the {a.Hit.List}")
            + (a.Change == HitChange.Changed ? " (list entry changed)" : "")).Distinct().Take(3));
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', news.Select(a => $"{a.Hit.DecisionKey}:{a.Hit.EntryFingerprint}").Order(StringComparer.Ordinal)))))[..32];
        return new Notification
        {
            Key = $"screening:{s.Id}:{key}",
            Kind = news.Any(a => a.Change == HitChange.Changed) ? "ScreeningHitChanged" : "ScreeningHit",
            Message = Clip($"{s.Name} ({s.ExternalReference}): {what}{(news.Count > 3 ? $" and {news.Count - 3} more" : "")}", 1000),
            Link = $"/Screening/Review?supplierId={s.Id}",
            CreatedAt = now,
        };
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
