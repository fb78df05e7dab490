using Compliance.Domain.Screening;
using Compliance.Web.Features.Screening;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Web.Features.Suppliers;

/// <summary>
/// Screens some suppliers — those an import added or changed, or one saved by hand — against the current editions as a
/// recorded run, so their hits reach the review queue at once rather than at the nightly run, and one notice per supplier
/// with new or changed hits tells the officer which suppliers touch listed goods or entities.
/// </summary>
public sealed class ScreenSuppliers(ComplianceDbContext db, ScreeningPass pass, TimeProvider clock, ILogger<ScreenSuppliers> log) : ISupplierScreening
{
    Task ISupplierScreening.ScreenAsync(IReadOnlyCollection<Guid> supplierIds, CancellationToken ct) => ScreenAsync(supplierIds, ScreeningTrigger.SupplierImport, ct);

    public async Task ScreenAsync(IReadOnlyCollection<Guid> supplierIds, ScreeningTrigger trigger, CancellationToken ct)
    {
        if (supplierIds.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ScreeningRun
        {
            Trigger = trigger, RequestedBy = Infrastructure.Persistence.AuditTrail.SystemActor, CreatedAt = now, StartedAt = now, Status = ScreeningRunStatus.Running,
        };
        db.ScreeningRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var counts = await pass.RunAsync(run.Id, supplierIds, null, ct);
        db.ScreeningRuns.Attach(run);
        run.Status = ScreeningRunStatus.Completed;
        run.CompletedAt = clock.GetUtcNow().UtcDateTime;
        (run.SuppliersScreened, run.HitsFound, run.NewHits, run.ChangedHits, run.ClearedHits, run.Editions) =
            (counts.Suppliers, counts.Hits, counts.New, counts.Changed, counts.Cleared, counts.Editions);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// After a supplier was saved by hand. The save has committed, so a failure here is logged, not the user's error:
    /// the nightly run screens the supplier anyway.
    /// </summary>
    public async Task AfterSaveAsync(Guid supplierId, CancellationToken ct)
    {
        try
        {
            await ScreenAsync([supplierId], ScreeningTrigger.SupplierSaved, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            log.LogError(e, "Screening supplier {SupplierId} after it was saved failed; the nightly run will screen it", supplierId);
        }
    }
}
