using Compliance.Domain.Common;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Screening;

/// <summary>
/// GET /api/v1/risk-lists/{id}/diff/{otherId}: what changed from one edition to another — goods × country added, removed,
/// flags changed (DOL renames folded, see <see cref="RiskListDiff"/>), or entities added, removed, changed.
/// </summary>
public static class DiffRiskLists
{
    public sealed record Entry(string? Good, string? Country, string? CountryAsListed, bool ChildLabor, bool ForcedLabor, bool ForcedChildLabor,
        bool Downstream, string? InputGood, string? InputCountry, string? EntityName, IReadOnlyList<string>? Aliases);

    public sealed record Change(Entry Before, Entry After);

    public sealed record Diff(ListRiskLists.Edition From, ListRiskLists.Edition To, IReadOnlyList<Entry> Added, IReadOnlyList<Entry> Removed, IReadOnlyList<Change> Changed);

    private static Entry Of(GoodsEntry e) => new(e.Good, e.Country, e.CountryAsListed, e.ChildLabor, e.ForcedLabor, e.ForcedChildLabor, e.Downstream, e.InputGood, e.InputCountry, null, null);

    private static Entry Of(EntityEntry e) => new(null, e.Country, null, false, false, false, false, null, null, e.Name, e.Aliases);

    public static async Task<Outcome<Diff>> HandleAsync(Guid id, Guid otherId, ComplianceDbContext db, CancellationToken ct)
    {
        // The filter shows platform lists and the organization's own: another organization's list is not found.
        var lists = await db.RiskLists.AsNoTracking().Where(l => l.Id == id || l.Id == otherId).ToListAsync(ct);
        var from = lists.FirstOrDefault(l => l.Id == id);
        var to = lists.FirstOrDefault(l => l.Id == otherId);
        if (from is null || to is null) return Outcome<Diff>.NotFound();
        var fromIsEntity = from.Kind == RiskListKind.Entity;
        if (fromIsEntity != (to.Kind == RiskListKind.Entity))
            return Outcome<Diff>.Invalid([new RuleViolation("otherId", "different_kind", "An entity list is compared with another entity list, a goods list with a goods list.")]);
        var rows = (await db.RiskListEntries.AsNoTracking().Where(e => e.RiskListId == id || e.RiskListId == otherId).ToListAsync(ct)).ToLookup(e => e.RiskListId);
        var (fromEdition, toEdition) = (ListRiskLists.From(from, false), ListRiskLists.From(to, false));
        if (fromIsEntity)
        {
            var d = EntityListComparison.Compare(new EntityList(from.Info, [.. rows[id].Select(e => e.ToEntity())]), new EntityList(to.Info, [.. rows[otherId].Select(e => e.ToEntity())]));
            return new Diff(fromEdition, toEdition, [.. d.Added.Select(Of)], [.. d.Removed.Select(Of)], [.. d.Changed.Select(c => new Change(Of(c.Before), Of(c.After)))]);
        }
        var g = RiskListDiff.Compare(new GoodsList(from.Info, [.. rows[id].Select(e => e.ToGoods())]), new GoodsList(to.Info, [.. rows[otherId].Select(e => e.ToGoods())]));
        return new Diff(fromEdition, toEdition, [.. g.Added.Select(Of)], [.. g.Removed.Select(Of)], [.. g.FlagsChanged.Select(c => new Change(Of(c.Before), Of(c.After)))]);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/risk-lists/{id:guid}/diff/{otherId:guid}", async (Guid id, Guid otherId, ComplianceDbContext db, CancellationToken ct) =>
                (await HandleAsync(id, otherId, db, ct)).ToHttp(d => TypedResults.Ok(new
                {
                    from = ListRiskLists.Json(d.From), to = ListRiskLists.Json(d.To), added = d.Added, removed = d.Removed, changed = d.Changed,
                })))
            .RequireAuthorization(Policies.Read).WithTags("Screening").WithName("DiffRiskLists");
}
