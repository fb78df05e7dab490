namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>Screens suppliers against the risk lists; called after an import with the suppliers it added or changed.</summary>
public interface ISupplierScreening
{
    Task ScreenAsync(IReadOnlyCollection<Guid> supplierIds, CancellationToken ct);
}

/// <summary>
/// Registered until the screening feature lands: it screens nothing and says so in the log, so that no one
/// mistakes an import for a screened supplier base.
/// </summary>
public sealed class ScreeningNotYetAvailable(ILogger<ScreeningNotYetAvailable> log) : ISupplierScreening
{
    public Task ScreenAsync(IReadOnlyCollection<Guid> supplierIds, CancellationToken ct)
    {
        log.LogWarning("Screening not yet available: {Count} imported suppliers were not screened.", supplierIds.Count);
        return Task.CompletedTask;
    }
}
