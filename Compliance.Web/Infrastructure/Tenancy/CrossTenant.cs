using Compliance.Domain.Screening;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Infrastructure.Tenancy;

/// <summary>
/// The only queries that look across organizations, each for a reason stated here. Everything else goes through
/// the tenant query filter. Keep this file short and reviewed.
/// </summary>
public static class CrossTenant
{
    private static readonly string[] TenantFilter = [ComplianceDbContext.TenantFilter];

    /// <summary>Authentication: a bearer token arrives before any organization is known.</summary>
    public static Task<ApiToken?> FindActiveApiTokenAsync(ComplianceDbContext db, string secretHash, CancellationToken ct) =>
        db.ApiTokens.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .FirstOrDefaultAsync(t => t.SecretHash == secretHash && t.RevokedAt == null, ct);

    /// <summary>Records when a token was last used; a bookkeeping write that is not audited.</summary>
    public static Task TouchApiTokenAsync(ComplianceDbContext db, Guid tokenId, DateTime now, CancellationToken ct) =>
        db.ApiTokens.IgnoreQueryFilters(TenantFilter).Where(t => t.Id == tokenId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);

    /// <summary>Sign-in: which organizations a user belongs to, to pick one and list the others in the switcher.</summary>
    public static async Task<List<Membership>> MembershipsOfUserAsync(ComplianceDbContext db, string userId, CancellationToken ct = default) =>
        await db.Memberships.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Role)
            .ToListAsync(ct);

    /// <summary>Sign-in: a contracting officer is bound to an agency, not to an organization.</summary>
    public static Task<string?> AgencyOfContractingOfficerAsync(ComplianceDbContext db, string userId, CancellationToken ct = default) =>
        db.ContractingOfficers.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Agency).FirstOrDefaultAsync(ct);

    /// <summary>Scheduled jobs: every organization, so that each is then processed inside its own tenant filter.</summary>
    public static Task<List<Guid>> OrganizationIdsAsync(ComplianceDbContext db, CancellationToken ct) =>
        db.Organizations.AsNoTracking().OrderBy(o => o.CreatedAt).Select(o => o.Id).ToListAsync(ct);

    /// <summary>
    /// Import workers: claims the oldest queued import, or a running one whose worker stopped renewing its lease,
    /// of any organization. The conditional update makes the claim safe when several instances race for it.
    /// </summary>
    public static async Task<(Guid ImportId, Guid OrganizationId, int Attempts)?> ClaimNextImportAsync(
        ComplianceDbContext db, string worker, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var imports = db.SupplierImports.IgnoreQueryFilters(TenantFilter);
        var candidate = await imports.AsNoTracking()
            .Where(i => (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running) && (i.LeaseUntil == null || i.LeaseUntil < now))
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.OrganizationId, i.LeaseUntil, i.Attempts })
            .FirstOrDefaultAsync(ct);
        if (candidate is null) return null;
        var claimed = await imports
            .Where(i => i.Id == candidate.Id && i.LeaseUntil == candidate.LeaseUntil && i.Attempts == candidate.Attempts
                        && (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.ClaimedBy, worker)
                .SetProperty(i => i.LeaseUntil, now + lease)
                .SetProperty(i => i.Attempts, i => i.Attempts + 1)
                .SetProperty(i => i.Status, ImportStatus.Running)
                .SetProperty(i => i.StartedAt, i => i.StartedAt ?? now), ct);
        return claimed == 1 ? (candidate.Id, candidate.OrganizationId, candidate.Attempts + 1) : null;
    }

    /// <summary>
    /// Screening workers: claims the oldest queued run, or a running one whose worker stopped renewing its lease, of any
    /// organization; the conditional update makes the claim safe when several instances race for it.
    /// </summary>
    public static async Task<(Guid RunId, Guid OrganizationId, int Attempts)?> ClaimNextScreeningRunAsync(
        ComplianceDbContext db, string worker, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var runs = db.ScreeningRuns.IgnoreQueryFilters(TenantFilter);
        var candidate = await runs.AsNoTracking()
            .Where(r => (r.Status == ScreeningRunStatus.Queued || r.Status == ScreeningRunStatus.Running) && (r.LeaseUntil == null || r.LeaseUntil < now))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.OrganizationId, r.LeaseUntil, r.Attempts })
            .FirstOrDefaultAsync(ct);
        if (candidate is null) return null;
        var claimed = await runs
            .Where(r => r.Id == candidate.Id && r.LeaseUntil == candidate.LeaseUntil && r.Attempts == candidate.Attempts
                        && (r.Status == ScreeningRunStatus.Queued || r.Status == ScreeningRunStatus.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ClaimedBy, worker)
                .SetProperty(r => r.LeaseUntil, now + lease)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.Status, ScreeningRunStatus.Running)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now), ct);
        return claimed == 1 ? (candidate.Id, candidate.OrganizationId, candidate.Attempts + 1) : null;
    }
}
