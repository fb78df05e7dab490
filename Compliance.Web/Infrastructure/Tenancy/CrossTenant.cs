using Compliance.Domain.Attestations;
using Compliance.Domain.Evidence;
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

    /// <summary>A supplier's certification link: the token arrives before any organization is known (its hash is unique).</summary>
    public static async Task<(Guid AttestationId, Guid OrganizationId)?> FindAttestationByLinkAsync(ComplianceDbContext db, string tokenHash, CancellationToken ct)
    {
        var found = await db.Attestations.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(a => a.TokenHash == tokenHash).Select(a => new { a.Id, a.OrganizationId }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.OrganizationId);
    }

    // Contracting officers (FAR 52.222-56 review). An officer is bound to one agency and belongs to no organization; they
    // see, across contractors, only FAR certifications that were submitted to that agency, with the compliance plan and
    // evidence behind them. Nothing else of a contractor is reachable from here.

    private static IQueryable<Attestation> SubmittedToAgency(ComplianceDbContext db, string agencyKey) =>
        db.Attestations.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(a => a.Kind == AttestationKind.FarCertification && a.AgencyKey == agencyKey && a.Submissions > 0);

    public sealed record OfficerQueueRow(Guid Id, string Contractor, string ContractNumber, string Agency, AttestationStatus Status, string SignerName, DateOnly? SignedOn, DateTime? SubmittedAt, int Submissions);

    /// <summary>The officer's queue: submissions to their agency from every contractor, waiting ones first.</summary>
    public static async Task<List<OfficerQueueRow>> OfficerQueueAsync(ComplianceDbContext db, string agency, CancellationToken ct)
    {
        var key = Agencies.KeyOf(agency);
        return await SubmittedToAgency(db, key)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, Contractor = o.Name })
            .Join(db.FederalContracts.IgnoreQueryFilters(TenantFilter), x => x.a.ContractId, c => c.Id, (x, c) => new { x.a, x.Contractor, c.Number, c.Agency })
            .OrderBy(x => x.a.Status == AttestationStatus.Submitted ? 0 : 1).ThenBy(x => x.a.SubmittedAt)
            .Select(x => new OfficerQueueRow(x.a.Id, x.Contractor, x.Number, x.Agency, x.a.Status, x.a.SignerName ?? "", x.a.SignedOn, x.a.SubmittedAt, x.a.Submissions))
            .Take(500)
            .ToListAsync(ct);
    }

    public sealed record OfficerEvidence(string Backs, string FileName, string ContentType, long Length, string Sha256, DateTime UploadedAt);

    public sealed record OfficerSubmission(Attestation Attestation, string Contractor, FederalContract Contract, CompliancePlanVersion? Plan, IReadOnlyList<OfficerEvidence> Evidence, IReadOnlyList<AttestationReview> Reviews);

    /// <summary>One submission to the officer's agency, with the contractor's latest compliance plan and the evidence list; null otherwise (another agency, not submitted, unknown).</summary>
    public static async Task<OfficerSubmission?> OfficerSubmissionAsync(ComplianceDbContext db, string agency, Guid attestationId, CancellationToken ct)
    {
        var a = await SubmittedToAgency(db, Agencies.KeyOf(agency)).FirstOrDefaultAsync(x => x.Id == attestationId, ct);
        if (a is null) return null;
        var org = a.OrganizationId;
        var contractor = await db.Organizations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct);
        var contract = await db.FederalContracts.IgnoreQueryFilters(TenantFilter).AsNoTracking().FirstAsync(c => c.Id == a.ContractId && c.OrganizationId == org, ct);
        var plan = await db.CompliancePlanVersions.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(v => v.OrganizationId == org).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        var elements = await db.CompliancePlanElements.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(e => e.OrganizationId == org).ToDictionaryAsync(e => e.Id, e => e.Kind, ct);
        var elementIds = elements.Keys.ToList();
        var files = await db.EvidenceFiles.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(f => f.OrganizationId == org && ((f.OwnerType == EvidenceOwner.Attestation && f.OwnerId == a.Id)
                                                    || (f.OwnerType == EvidenceOwner.CompliancePlanElement && elementIds.Contains(f.OwnerId))))
            .OrderBy(f => f.UploadedAt).ToListAsync(ct);
        var evidence = files.Select(f => new OfficerEvidence(f.OwnerType == EvidenceOwner.Attestation ? "Certification" : elements[f.OwnerId].ToString(),
            f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedAt)).ToList();
        var reviews = await db.AttestationReviews.IgnoreQueryFilters(TenantFilter).AsNoTracking()
            .Where(r => r.OrganizationId == org && r.AttestationId == a.Id).OrderBy(r => r.ReviewedAt).ToListAsync(ct);
        return new OfficerSubmission(a, contractor, contract, plan, evidence, reviews);
    }

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
