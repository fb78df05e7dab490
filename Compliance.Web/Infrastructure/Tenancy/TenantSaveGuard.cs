using Compliance.Domain.Common;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Compliance.Web.Infrastructure.Tenancy;

/// <summary>Thrown when a save would change or delete an issued disclosure.</summary>
public sealed class IssuedDisclosureChangeException() : InvalidOperationException("An issued disclosure cannot be changed or deleted; issue a new one to supersede it.");

/// <summary>
/// Stamps new tenant-owned rows with the current organization and refuses any write that touches another's rows.
/// The audit trail is append-only: changing or deleting an event is refused here too.
/// </summary>
public sealed class TenantSaveGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not ComplianceDbContext db) return;
        CheckReferenceData(db);
        foreach (var entry in db.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var current = db.Tenant.RequiredOrganizationId;
            if (entry.Entity is AuditEvent && entry.State != EntityState.Added)
                throw new CrossTenantWriteException("Audit events are append-only.");
            // An issued disclosure is a published record: only its supersession may be written afterwards.
            if (entry.Entity is Domain.Disclosures.Disclosure && entry.State != EntityState.Added
                && entry.Property(nameof(Domain.Disclosures.Disclosure.Status)).OriginalValue is not Domain.Disclosures.DisclosureStatus.Draft
                && (entry.State == EntityState.Deleted || entry.Properties.Any(p => p.IsModified && !Domain.Disclosures.Disclosure.ChangeableWhenIssued.Contains(p.Metadata.Name))))
                throw new IssuedDisclosureChangeException();
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity.OrganizationId == Guid.Empty:
                    entry.Entity.OrganizationId = current;
                    break;
                case EntityState.Added when entry.Entity.OrganizationId != current:
                    throw new CrossTenantWriteException($"Refused to add a {entry.Metadata.ClrType.Name} for another organization.");
                case EntityState.Modified or EntityState.Deleted:
                    var original = entry.Property(e => e.OrganizationId).OriginalValue;
                    if (original != current || entry.Entity.OrganizationId != current)
                        throw new CrossTenantWriteException($"Refused to change a {entry.Metadata.ClrType.Name} of another organization.");
                    break;
            }
        }
    }

    // Risk-list editions are immutable: an edition once imported is what past screenings relied on. Platform lists
    // (owner null) are added only by start-up seeding or a platform operator; an organization adds only its own.
    private static void CheckReferenceData(ComplianceDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<IPlatformOrOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Unchanged or EntityState.Detached:
                    continue;
                case EntityState.Modified or EntityState.Deleted:
                    throw new CrossTenantWriteException($"A {entry.Metadata.ClrType.Name} is immutable; import a new edition instead.");
                case EntityState.Added when entry.Entity.OwnerOrganizationId is null:
                    if (!db.Tenant.WritesPlatformData)
                        throw new CrossTenantWriteException($"Refused to add a platform {entry.Metadata.ClrType.Name}: only start-up seeding or a platform operator may.");
                    break;
                case EntityState.Added when entry.Entity.OwnerOrganizationId != db.Tenant.RequiredOrganizationId:
                    throw new CrossTenantWriteException($"Refused to add a {entry.Metadata.ClrType.Name} for another organization.");
            }
        }
    }
}
