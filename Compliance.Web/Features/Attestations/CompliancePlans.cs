using Compliance.Domain.Attestations;
using Compliance.Domain.Evidence;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Attestations;

/// <summary>
/// The organization's FAR 52.222-50(h) compliance plan: GET /api/v1/compliance-plan (current version, its five elements with
/// their evidence), PUT (saves a new version; old ones stay), GET /api/v1/compliance-plan/versions/{n}.
/// </summary>
public static class CompliancePlans
{
    public sealed record Request(string? AwarenessProgram, string? ReportingProcess, string? RecruitmentAndWagePlan, string? HousingPlan, bool? NoHousingProvided, string? SubcontractorProcedures);

    public sealed record EvidenceRow(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTime UploadedAt);

    /// <summary>An element with the id evidence files are uploaded against (ownerType CompliancePlanElement).</summary>
    public sealed record Element(CompliancePlanElementKind Kind, Guid ElementId, string? Text, IReadOnlyList<EvidenceRow> Evidence);

    public sealed record VersionInfo(int Version, DateTime SavedAt, string SavedBy);

    public sealed record Plan(int? Version, DateTime? SavedAt, string? SavedBy, IReadOnlyList<Element> Elements, IReadOnlyList<VersionInfo> Versions);

    public static async Task<Outcome<Plan>> SaveAsync(Request request, string actor, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = CompliancePlanRules.Check(new CompliancePlanText(request.AwarenessProgram, request.ReportingProcess, request.RecruitmentAndWagePlan, request.HousingPlan, request.NoHousingProvided, request.SubcontractorProcedures));
        if (errors.Count > 0) return Outcome<Plan>.Invalid(errors);
        await EnsureElementsAsync(db, ct);
        var last = await db.CompliancePlanVersions.MaxAsync(v => (int?)v.Version, ct) ?? 0;
        db.CompliancePlanVersions.Add(new CompliancePlanVersion
        {
            Version = last + 1,
            AwarenessProgram = request.AwarenessProgram!.Trim(),
            ReportingProcess = request.ReportingProcess!.Trim(),
            RecruitmentAndWagePlan = request.RecruitmentAndWagePlan!.Trim(),
            HousingPlan = request.NoHousingProvided == true ? null : request.HousingPlan!.Trim(),
            SubcontractorProcedures = request.SubcontractorProcedures!.Trim(),
            SavedAt = clock.GetUtcNow().UtcDateTime,
            SavedBy = actor,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Outcome<Plan>.Conflict("version", "concurrent_save", "Someone saved the plan at the same moment; reload it and save again.");
        }
        return await GetAsync(null, db, ct);
    }

    /// <summary>The five element rows exist once per organization, so evidence can be linked before the first version is saved.</summary>
    public static async Task<Dictionary<CompliancePlanElementKind, Guid>> EnsureElementsAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var existing = await db.CompliancePlanElements.ToDictionaryAsync(e => e.Kind, e => e.Id, ct);
        var missing = Enum.GetValues<CompliancePlanElementKind>().Where(k => !existing.ContainsKey(k)).ToList();
        if (missing.Count == 0) return existing;
        foreach (var kind in missing)
        {
            var element = new CompliancePlanElement { Kind = kind };
            db.CompliancePlanElements.Add(element);
            existing[kind] = element.Id;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return await db.CompliancePlanElements.ToDictionaryAsync(x => x.Kind, x => x.Id, ct);
        }
        return existing;
    }

    /// <summary>The plan as of a version (the latest when null); NotFound for a version that does not exist.</summary>
    public static async Task<Outcome<Plan>> GetAsync(int? version, ComplianceDbContext db, CancellationToken ct)
    {
        var versions = await db.CompliancePlanVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new VersionInfo(v.Version, v.SavedAt, v.SavedBy)).ToListAsync(ct);
        var chosen = version is { } n
            ? await db.CompliancePlanVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == n, ct)
            : await db.CompliancePlanVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (version is not null && chosen is null) return Outcome<Plan>.NotFound();
        var elements = await db.CompliancePlanElements.AsNoTracking().ToListAsync(ct);
        var ids = elements.Select(e => e.Id).ToList();
        var evidence = (await db.EvidenceFiles.AsNoTracking()
                .Where(f => f.OwnerType == EvidenceOwner.CompliancePlanElement && ids.Contains(f.OwnerId))
                .OrderBy(f => f.UploadedAt).ToListAsync(ct))
            .ToLookup(f => f.OwnerId, f => new EvidenceRow(f.Id, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedAt));
        var rows = Enum.GetValues<CompliancePlanElementKind>().Select(kind =>
        {
            var id = elements.FirstOrDefault(e => e.Kind == kind)?.Id ?? Guid.Empty;
            return new Element(kind, id, chosen?.TextOf(kind), [.. evidence[id]]);
        }).ToList();
        return new Plan(chosen?.Version, chosen?.SavedAt, chosen?.SavedBy, rows, versions);
    }

    public static string Title(CompliancePlanElementKind kind) => kind switch
    {
        CompliancePlanElementKind.AwarenessProgram => "Awareness program (FAR 52.222-50(h)(3)(i))",
        CompliancePlanElementKind.ReportingProcess => "Reporting process without retaliation (FAR 52.222-50(h)(3)(ii))",
        CompliancePlanElementKind.RecruitmentAndWagePlan => "Recruitment and wage plan (FAR 52.222-50(h)(3)(iii))",
        CompliancePlanElementKind.HousingPlan => "Housing plan (FAR 52.222-50(h)(3)(iv))",
        _ => "Procedures for agents and subcontractors at any tier (FAR 52.222-50(h)(3)(v))",
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/compliance-plan", async (ComplianceDbContext db, CancellationToken ct) =>
            {
                await EnsureElementsAsync(db, ct);
                return (await GetAsync(null, db, ct)).ToHttp(TypedResults.Ok);
            })
            .RequireAuthorization(Policies.Read).WithTags("Compliance plan").WithName("GetCompliancePlan");
        api.MapGet("/compliance-plan/versions/{version:int}", async (int version, ComplianceDbContext db, CancellationToken ct) =>
                (await GetAsync(version, db, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Compliance plan").WithName("GetCompliancePlanVersion");
        api.MapPut("/compliance-plan", async (Request request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SaveAsync(request, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Compliance plan").WithName("SaveCompliancePlan");
    }
}
