using Compliance.Domain.Attestations;
using Compliance.Domain.Audits;
using Compliance.Domain.Disclosures;
using Compliance.Domain.Screening;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Disclosures;

/// <summary>
/// Reads what the records say for a FAR 52.222-50 disclosure of one contract: the contract and its threshold decision,
/// the compliance plan in force, the 52.222-56 certification, the subcontractors' flow-down and screening, credible
/// information disclosed and the remedial actions.
/// </summary>
public static class FarRecords
{
    private static readonly (CompliancePlanElementKind Kind, string Words, string Citation)[] Elements =
    [
        (CompliancePlanElementKind.AwarenessProgram, "Awareness program", "FAR 52.222-50(h)(3)(i)"),
        (CompliancePlanElementKind.ReportingProcess, "Reporting process without fear of retaliation", "FAR 52.222-50(h)(3)(ii)"),
        (CompliancePlanElementKind.RecruitmentAndWagePlan, "Recruitment and wage plan", "FAR 52.222-50(h)(3)(iii)"),
        (CompliancePlanElementKind.HousingPlan, "Housing plan", "FAR 52.222-50(h)(3)(iv)"),
        (CompliancePlanElementKind.SubcontractorProcedures, "Procedures for agents and subcontractors at any tier", "FAR 52.222-50(h)(3)(v)"),
    ];

    public static async Task<FarDisclosureContent?> ReadAsync(Guid contractId, DateOnly start, DateOnly end, ComplianceDbContext db, CancellationToken ct)
    {
        var contract = await db.FederalContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null) return null;
        var endOfPeriod = end.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);

        var plan = await db.CompliancePlanVersions.AsNoTracking().Where(p => p.SavedAt <= endOfPeriod).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        // A plan without a housing plan has declared that no housing is provided or arranged (the editor requires one or the other).
        var planSummary = new FarPlan(plan?.Version, plan?.SavedAt, plan?.SavedBy, [.. Elements.Select(e => new FarPlanElement(e.Words, e.Citation,
            plan is not null && e.Kind == CompliancePlanElementKind.HousingPlan && string.IsNullOrWhiteSpace(plan.HousingPlan)
                ? "No housing is provided or arranged for workers under the contract, so no housing plan is required (FAR 52.222-50(h)(3)(iv))."
                : plan?.TextOf(e.Kind)))]);

        var certification = await db.Attestations.AsNoTracking()
            .Where(a => a.Kind == AttestationKind.FarCertification && a.ContractId == contractId && a.CreatedAt <= endOfPeriod)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        FarCertification? certified = null;
        if (certification is not null)
        {
            var review = await db.AttestationReviews.AsNoTracking().Where(r => r.AttestationId == certification.Id).OrderByDescending(r => r.ReviewedAt).FirstOrDefaultAsync(ct);
            certified = new FarCertification(certification.Status.ToString(), certification.StatementVersion, certification.StatementText, certification.SignerName,
                certification.SignerTitle, certification.SignedOn, certification.ValidUntil,
                review is null ? null : $"{review.Decision} by {review.ReviewedBy} ({review.Agency}) on {review.ReviewedAt:yyyy-MM-dd}{(review.Comments is { } c ? $": {c}" : "")}");
        }

        // The contract's subcontractors are the suppliers asked for a certification under it; without any, the direct suppliers.
        var linked = await db.Attestations.AsNoTracking()
            .Where(a => a.ContractId == contractId && a.SupplierId != null && (a.Kind == AttestationKind.FlowDown || a.Kind == AttestationKind.SupplierCertification))
            .Select(a => a.SupplierId!.Value).Distinct().ToListAsync(ct);
        var suppliers = db.Suppliers.AsNoTracking();
        suppliers = linked.Count > 0 ? suppliers.Where(s => linked.Contains(s.Id)) : suppliers.Where(s => s.Tier == 1 && s.Status != SupplierStatus.Inactive);
        var subcontractors = await suppliers.OrderBy(s => s.Name).Select(s => new { s.Id, s.ExternalReference, s.Name, s.Country }).ToListAsync(ct);
        var basis = linked.Count > 0
            ? $"The {subcontractors.Count} subcontractor(s) asked for a certification under this contract."
            : $"No subcontractor is linked to this contract by a certification request; these are the organization's {subcontractors.Count} direct (tier-1) suppliers.";
        var ids = subcontractors.Select(s => s.Id).ToList();

        var flowDowns = (await db.Attestations.AsNoTracking()
                .Where(a => a.Kind == AttestationKind.FlowDown && a.SupplierId != null && ids.Contains(a.SupplierId.Value) && a.CreatedAt <= endOfPeriod)
                .Select(a => new { SupplierId = a.SupplierId!.Value, a.Status, a.SignedOn, a.ValidUntil, a.LinkExpiresAt, a.CreatedAt }).ToListAsync(ct))
            .GroupBy(a => a.SupplierId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.SignedOn.HasValue).ThenByDescending(a => a.CreatedAt).First());
        var hits = (await db.ScreeningHits.AsNoTracking().Where(h => h.ClearedAt == null && ids.Contains(h.SupplierId))
                .GroupBy(h => new { h.SupplierId, h.Status }).Select(g => new { g.Key.SupplierId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(h => h.SupplierId);
        int Hits(Guid supplier, HitStatus status) => hits[supplier].Where(h => h.Status == status).Sum(h => h.Count);
        string Standing(Guid supplier) => !flowDowns.TryGetValue(supplier, out var f) ? "Not requested"
            : f.SignedOn is null ? (f.LinkExpiresAt < endOfPeriod ? "Link expired" : "Requested")
            : f.ValidUntil < end ? "Expired" : "Current";

        var disclosures = await db.CredibleInformationDisclosures.AsNoTracking()
            .Where(d => (d.ContractId == contractId || d.ContractId == null) && d.DisclosedOn >= start && d.DisclosedOn <= end)
            .OrderBy(d => d.DisclosedOn).ToListAsync(ct);
        var actions = await db.CorrectiveActions.AsNoTracking().Where(a => ids.Contains(a.SupplierId))
            .Join(db.Findings, a => a.FindingId, f => f.Id, (a, f) => new { a.SupplierId, a.Description, a.Status, a.DueDate, Finding = f.Description })
            .OrderBy(a => a.DueDate).ToListAsync(ct);
        var names = subcontractors.ToDictionary(s => s.Id, s => s.Name);

        return new FarDisclosureContent(
            new FarContract(contract.Number, contract.Agency, contract.ContractingOfficerEmail, contract.Value, contract.OutsideUsValue, contract.AwardDate,
                contract.CompliancePlanRequired, contract.Reason),
            planSummary, certified, basis,
            [.. subcontractors.Select(s => new FarSubcontractor(s.ExternalReference, s.Name, s.Country, Standing(s.Id),
                flowDowns.GetValueOrDefault(s.Id)?.SignedOn, flowDowns.GetValueOrDefault(s.Id)?.ValidUntil,
                Hits(s.Id, HitStatus.Open), Hits(s.Id, HitStatus.Confirmed), Hits(s.Id, HitStatus.Mitigated)))],
            [.. disclosures.Select(d => new FarCredibleInformation(d.DisclosedOn, d.WhatWasDisclosed, d.ContractingOfficer, d.InspectorGeneral, d.ActionsTaken,
                d.GrievanceId is not null ? "from a worker grievance" : d.FindingId is not null ? "from an audit finding" : null))],
            [.. actions.Select(a => new FarRemedialAction(names[a.SupplierId], a.Description, a.Status.ToString(), a.DueDate, a.Finding))]);
    }
}
