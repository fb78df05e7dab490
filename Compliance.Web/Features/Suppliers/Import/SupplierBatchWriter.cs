using Compliance.Domain.Common;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>Everything one batch of an import writes, decided before anything is written.</summary>
public sealed class SupplierBatch
{
    public List<Supplier> Added { get; } = [];
    /// <summary>Existing suppliers with their new values (only those that changed).</summary>
    public List<Supplier> Updated { get; } = [];
    public List<SupplierProduct> ProductsAdded { get; } = [];
    public List<Guid> ProductsRemoved { get; } = [];
    public List<SupplierImportIssue> Issues { get; } = [];
    public List<SupplierImportRejection> Rejections { get; } = [];
    public List<AuditEvent> AuditEvents { get; } = [];
}

/// <summary>
/// Writes a batch in the DbContext's open transaction, on its connection, without the change tracker:
/// SaveChanges costs too much per row for million-row files. One implementation per provider, one instance per import.
/// The tenant rules hold here too: every row carries the current organization, checked before writing.
/// </summary>
public interface ISupplierBatchWriter
{
    /// <summary>Rows a chunk holds at most: what the reading thread hands over at a time, and what each write gets.</summary>
    int ChunkRows { get; }

    /// <summary>Writes the batch, or part of it and holds the rest back for a later write in the same transaction.</summary>
    Task WriteAsync(ComplianceDbContext db, SupplierBatch batch, CancellationToken ct);

    /// <summary>Writes what is held back: before every commit, and before anything reads the suppliers.</summary>
    Task FlushAsync(ComplianceDbContext db, CancellationToken ct);
}

internal static class BatchGuard
{
    /// <summary>The save guard's rule for writes that bypass it: only the current organization's rows.</summary>
    public static void CheckTenant(ComplianceDbContext db, SupplierBatch batch)
    {
        var organization = db.Tenant.RequiredOrganizationId;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A supplier batch is written in the transaction that also commits its progress.");
        IEnumerable<ITenantOwned> rows = [.. batch.Added, .. batch.Updated, .. batch.ProductsAdded, .. batch.Issues, .. batch.Rejections, .. batch.AuditEvents];
        if (rows.Any(r => r.OrganizationId != organization))
            throw new Infrastructure.Tenancy.CrossTenantWriteException("Refused to write import rows for another organization.");
    }

    public static string Json(List<string> values) => System.Text.Json.JsonSerializer.Serialize(values);
}
