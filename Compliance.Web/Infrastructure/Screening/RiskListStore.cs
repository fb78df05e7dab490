using System.Reflection;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Infrastructure.Screening;

/// <summary>Reads a list file of a kind into entries, and stores an edition once (kind + SHA-256 + edition).</summary>
public static class RiskListStore
{
    public sealed record Parsed(RiskListInfo Info, IReadOnlyList<GoodsEntry> Goods, IReadOnlyList<EntityEntry> Entities)
    {
        public int Count => Goods.Count + Entities.Count;
    }

    public static (Parsed? List, IReadOnlyList<ListRowError> Errors) Read(RiskListKind kind, Stream file, RiskListSource source)
    {
        switch (kind)
        {
            case RiskListKind.Entity:
                var entities = RiskListImport.ReadEntities(file, source);
                return (entities.List is { } e ? new Parsed(e.Info, [], e.Entries) : null, entities.Errors);
            case RiskListKind.Eo13126Products:
                var products = RiskListImport.ReadEo13126(file, source);
                return (products.List is { } p ? new Parsed(p.Info, p.Entries, []) : null, products.Errors);
            default:
                var goods = RiskListImport.ReadDolGoods(file, source);
                return (goods.List is { } g ? new Parsed(g.Info, g.Entries, []) : null, goods.Errors);
        }
    }

    /// <summary>The stored edition with the same kind, file and edition visible to the owner, if any.</summary>
    public static Task<RiskList?> FindAsync(ComplianceDbContext db, Guid? owner, RiskListKind kind, string sha256, string edition, CancellationToken ct) =>
        db.RiskLists.AsNoTracking().FirstOrDefaultAsync(l => l.OwnerOrganizationId == owner && l.Kind == kind && l.Sha256 == sha256 && l.Edition == edition, ct);

    /// <summary>Adds the edition and its entries; the save guard checks that the caller may write for <paramref name="owner"/>.</summary>
    public static async Task<RiskList> AddAsync(ComplianceDbContext db, Guid? owner, Parsed parsed, string? fileName, string actor, DateTime now, CancellationToken ct)
    {
        var info = parsed.Info;
        var list = new RiskList
        {
            OwnerOrganizationId = owner, Kind = info.Kind, Name = info.Name, Edition = info.Edition, Source = info.Source, Sha256 = info.Sha256,
            Published = info.Published, IsPartial = info.IsPartial, Notes = info.Notes, FileName = fileName, EntryCount = parsed.Count,
            ImportedBy = actor, ImportedAt = now,
        };
        db.RiskLists.Add(list);
        db.RiskListEntries.AddRange(parsed.Goods.Select(g => RiskListEntry.From(list.Id, owner, g)));
        db.RiskListEntries.AddRange(parsed.Entities.Select(e => RiskListEntry.From(list.Id, owner, e)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return list;
    }
}

/// <summary>
/// Loads the bundled editions (Compliance.Web/ReferenceData/risk-lists, see PROVENANCE.md there) as platform lists at
/// start-up, each once: an edition is already loaded when its kind, file SHA-256 and edition match a stored one (the
/// 2014–2020 DOL editions share one history file, so the hash alone would say "loaded" after the first).
/// </summary>
public static class BundledRiskListSeeding
{
    private sealed record Bundled(string File, RiskListKind Kind, RiskListSource Source);

    private static readonly Bundled[] Files =
    [
        .. new[] { "2014", "2016", "2018", "2020" }.Select(e => new Bundled("dol-tvpra-history-2014-2022.csv", RiskListKind.DolGoods, BundledRiskLists.DolTvpraHistory(e))),
        new("dol-tvpra-2022.csv", RiskListKind.DolGoods, BundledRiskLists.DolTvpra2022),
        new("eo13126-partial.csv", RiskListKind.Eo13126Products, BundledRiskLists.Eo13126Partial),
        new("cbp-wro-findings-entity-names.csv", RiskListKind.Entity, BundledRiskLists.CbpWroFindings),
    ];

    /// <summary>Stores the bundled editions not yet loaded; returns how many were added.</summary>
    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.Tenant.AllowPlatformWrites();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var bundled in Files)
        {
            var bytes = Bytes(bundled.File);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            if (await RiskListStore.FindAsync(db, null, bundled.Kind, sha, bundled.Source.Edition, ct) is not null) continue;
            var (list, errors) = RiskListStore.Read(bundled.Kind, new MemoryStream(bytes), bundled.Source);
            if (list is null)
                throw new InvalidOperationException($"Bundled risk list {bundled.File} does not read: {string.Join("; ", errors.Take(3).Select(e => $"row {e.Row} {e.Column}: {e.Message}"))}");
            await RiskListStore.AddAsync(db, null, list, bundled.File, AuditTrail.SystemActor, now, ct);
            added++;
        }
        return added;
    }

    private static byte[] Bytes(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"risk-lists/{file}")
            ?? throw new InvalidOperationException($"Bundled risk list {file} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
