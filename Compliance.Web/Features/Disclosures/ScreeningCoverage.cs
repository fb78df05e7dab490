using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Web.Features.Disclosures;

/// <summary>Which suppliers a completed screening in the period covered, and what it found on each.</summary>
public sealed record ScreeningCoverage(int Runs, string? Editions, DateTime? LastCompletedAt, IReadOnlyDictionary<Guid, string> Exposure)
{
    /// <summary>A run screens every supplier the organization had when it started.</summary>
    public bool Covers(Guid supplierId, DateTime supplierCreatedAt) => LastCompletedAt is { } at && supplierCreatedAt <= at;

    public static Task<ScreeningCoverage> ReadAsync(DateOnly start, DateOnly end, ComplianceDbContext db, CancellationToken ct)
    {
        _ = (start, end, db, ct);
        return Task.FromResult(new ScreeningCoverage(0, null, null, new Dictionary<Guid, string>()));
    }
}
