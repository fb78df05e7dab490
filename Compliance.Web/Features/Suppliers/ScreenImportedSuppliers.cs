using Compliance.Domain.Common;
using Compliance.Domain.Screening;
using Compliance.Web.Features.Notifications;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Screening;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers;

/// <summary>
/// After an import: screens the added or changed suppliers against the bundled lists and raises one notice per
/// supplier whose hits are new or changed (the notice key is built from the hits' decision keys and entry
/// fingerprints), so the officer learns at once which new suppliers touch listed goods or entities.
/// </summary>
public sealed class ScreenImportedSuppliers(ComplianceDbContext db, BundledScreening screening, TimeProvider clock) : ISupplierScreening
{
    private const int Chunk = 500;

    public async Task ScreenAsync(IReadOnlyCollection<Guid> supplierIds, CancellationToken ct)
    {
        foreach (var chunk in supplierIds.Chunk(Chunk))
        {
            var suppliers = await db.Suppliers.AsNoTracking().Include(s => s.Products).Where(s => chunk.Contains(s.Id)).ToListAsync(ct);
            var notices = new List<Notification>();
            foreach (var s in suppliers)
            {
                var result = screening.Screener.Screen(new SupplierToScreen(s.Id.ToString(), s.Name, s.AlternateNames, s.Country,
                    [.. s.Products.Select(p => new ProductToScreen(p.Name, p.HsCode, p.OriginCountry))]));
                if (result.Hits.Count == 0) continue;
                var what = string.Join("; ", result.Hits.Select(h => h.Kind == HitKind.Goods ? $"{h.Good} ({h.Country}) on the {h.List}" : $"name like {h.EntityName} on the {h.List}").Distinct().Take(3));
                notices.Add(new Notification
                {
                    Key = $"screening:{s.Id}:{Fingerprint(result.Hits)}",
                    Kind = "ScreeningHit",
                    Message = Clip($"{s.Name} ({s.ExternalReference}): {what}{(result.Hits.Count > 3 ? $" and {result.Hits.Count - 3} more" : "")}"),
                    Link = $"/Suppliers/Details/{s.Id}",
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
            }
            await Notices.RaiseAsync(db, notices, ct);
        }
    }

    private static string Fingerprint(IEnumerable<ScreeningHit> hits) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', hits.Select(h => $"{h.DecisionKey}:{h.EntryFingerprint}").Order(StringComparer.Ordinal)))))[..32];

    private static string Clip(string text) => text.Length <= 1000 ? text : text[..999] + "…";
}
