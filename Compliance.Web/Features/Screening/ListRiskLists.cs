using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Screening;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Screening;

/// <summary>GET /api/v1/risk-lists: every stored edition the organization sees (the platform's and its own), newest first per list.</summary>
public static class ListRiskLists
{
    public sealed record Edition(Guid Id, string Kind, string Name, string Edition_, string Source, string Sha256, DateOnly? Published, bool IsPartial,
        string? Notes, string? FileName, int EntryCount, string Scope, bool Current, DateTime ImportedAt, string ImportedBy);

    /// <summary>The API's names for list kinds (DESIGN §6).</summary>
    public static string KindName(RiskListKind kind) => kind switch
    {
        RiskListKind.DolGoods => "dol-goods",
        RiskListKind.Eo13126Products => "eo13126",
        _ => "entity",
    };

    public static RiskListKind? KindFrom(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "dol-goods" => RiskListKind.DolGoods,
        "eo13126" => RiskListKind.Eo13126Products,
        "entity" => RiskListKind.Entity,
        _ => null,
    };

    public static Edition From(RiskList l, bool current) => new(l.Id, KindName(l.Kind), l.Name, l.Edition, l.Source, l.Sha256, l.Published, l.IsPartial,
        l.Notes, l.FileName, l.EntryCount, l.OwnerOrganizationId is null ? "platform" : "organization", current, l.ImportedAt, l.ImportedBy);

    public static async Task<IReadOnlyList<Edition>> HandleAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var current = (await ScreeningLists.CurrentAsync(db, ct)).Select(l => l.Id).ToHashSet();
        var all = await db.RiskLists.AsNoTracking().ToListAsync(ct);
        return [.. all.OrderBy(l => l.Kind).ThenBy(l => l.OwnerOrganizationId is null ? 0 : 1).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ThenByDescending(l => l.Edition, EditionOrder.Instance).Select(l => From(l, current.Contains(l.Id)))];
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/risk-lists", async (ComplianceDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await HandleAsync(db, ct)).Select(e => Json(e))))
            .RequireAuthorization(Policies.Read).WithTags("Screening").WithName("ListRiskLists");

    // "edition" is a C# keyword clash in the record above; the API spells it plainly.
    internal static object Json(Edition e) => new
    {
        e.Id, e.Kind, e.Name, edition = e.Edition_, e.Source, e.Sha256, e.Published, e.IsPartial, e.Notes, e.FileName, e.EntryCount, e.Scope, e.Current,
        e.ImportedAt, e.ImportedBy,
    };
}
