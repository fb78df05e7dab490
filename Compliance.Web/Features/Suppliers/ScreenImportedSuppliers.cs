using Compliance.Domain.Screening;
using Compliance.Web.Features.Screening;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Web.Features.Suppliers;

/// <summary>
/// After an import: screens the added or changed suppliers against the current editions as a recorded run (trigger
/// SupplierImport), so their hits reach the review queue at once and one notice per supplier with new or changed hits
/// tells the officer which new suppliers touch listed goods or entities.
/// </summary>
public sealed class ScreenImportedSuppliers(ComplianceDbContext db, ScreeningPass pass, TimeProvider clock) : ISupplierScreening
{
    public async Task ScreenAsync(IReadOnlyCollection<Guid> supplierIds, CancellationToken ct)
    {
        if (supplierIds.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ScreeningRun
        {
            Trigger = ScreeningTrigger.SupplierImport, RequestedBy = Infrastructure.Persistence.AuditTrail.SystemActor, CreatedAt = now, StartedAt = now,
            Status = ScreeningRunStatus.Running,
        };
        db.ScreeningRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var counts = await pass.RunAsync(run.Id, supplierIds, null, ct);
        db.ScreeningRuns.Attach(run);
        run.Status = ScreeningRunStatus.Completed;
        run.CompletedAt = clock.GetUtcNow().UtcDateTime;
        (run.SuppliersScreened, run.HitsFound, run.NewHits, run.ChangedHits, run.ClearedHits) = (counts.Suppliers, counts.Hits, counts.New, counts.Changed, counts.Cleared);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
