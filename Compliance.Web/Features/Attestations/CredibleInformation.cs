using Compliance.Domain.Attestations;
using Compliance.Domain.Common;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Attestations;

/// <summary>
/// FAR 52.222-50(d): credible information was disclosed to the contracting officer and the agency Inspector General.
/// POST/GET /api/v1/credible-information: what, to whom, when, the actions taken, and the grievance or finding it came from.
/// </summary>
public static class CredibleInformation
{
    public sealed record Request(Guid? ContractId, string? WhatWasDisclosed, string? ContractingOfficer, string? InspectorGeneral, DateOnly? DisclosedOn,
        string? ActionsTaken, Guid? GrievanceId, Guid? FindingId);

    public sealed record Record(Guid Id, Guid? ContractId, string? ContractNumber, string WhatWasDisclosed, string ContractingOfficer, string InspectorGeneral,
        DateOnly DisclosedOn, string? ActionsTaken, Guid? GrievanceId, Guid? FindingId, DateTime CreatedAt, string CreatedBy);

    public static async Task<Outcome<Record>> RecordAsync(Request request, string actor, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        Text(errors, "whatWasDisclosed", request.WhatWasDisclosed, 8000, required: true, "Say what credible information was disclosed.");
        Text(errors, "contractingOfficer", request.ContractingOfficer, 256, required: true, "FAR 52.222-50(d): name the contracting officer informed.");
        Text(errors, "inspectorGeneral", request.InspectorGeneral, 256, required: true, "FAR 52.222-50(d): name the agency Inspector General informed.");
        Text(errors, "actionsTaken", request.ActionsTaken, 8000, required: false, "");
        if (request.DisclosedOn is null) errors.Add("disclosedOn", "required", "'disclosedOn' is required: the day the disclosure was made.");
        else if (request.DisclosedOn > Today.Of(clock)) errors.Add("disclosedOn", "in_future", "'disclosedOn' cannot be in the future.");
        if (request.ContractId is { } c && !await db.FederalContracts.AnyAsync(x => x.Id == c, ct)) errors.Add("contractId", "contract_not_found", $"No contract with id {c} exists in this organization.");
        if (request.GrievanceId is { } g && !await db.Grievances.AnyAsync(x => x.Id == g, ct)) errors.Add("grievanceId", "grievance_not_found", $"No grievance with id {g} exists in this organization.");
        if (request.FindingId is { } f && !await db.Findings.AnyAsync(x => x.Id == f, ct)) errors.Add("findingId", "finding_not_found", $"No finding with id {f} exists in this organization.");
        if (errors.Count > 0) return Outcome<Record>.Invalid(errors);
        var d = new CredibleInformationDisclosure
        {
            ContractId = request.ContractId, WhatWasDisclosed = request.WhatWasDisclosed!.Trim(), ContractingOfficer = request.ContractingOfficer!.Trim(),
            InspectorGeneral = request.InspectorGeneral!.Trim(), DisclosedOn = request.DisclosedOn!.Value, ActionsTaken = string.IsNullOrWhiteSpace(request.ActionsTaken) ? null : request.ActionsTaken.Trim(),
            GrievanceId = request.GrievanceId, FindingId = request.FindingId, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor,
        };
        db.CredibleInformationDisclosures.Add(d);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(null, null, db, ct)).First(r => r.Id == d.Id);
    }

    /// <summary>Plain records for reports and disclosures (FAR trafficking disclosure, evidence exports).</summary>
    public static async Task<List<Record>> ListAsync(DateOnly? from, DateOnly? to, ComplianceDbContext db, CancellationToken ct)
    {
        var query = db.CredibleInformationDisclosures.AsNoTracking();
        if (from is { } f) query = query.Where(d => d.DisclosedOn >= f);
        if (to is { } t) query = query.Where(d => d.DisclosedOn <= t);
        return await query.OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.CreatedAt)
            .GroupJoin(db.FederalContracts, d => d.ContractId, c => c.Id, (d, c) => new { d, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new Record(x.d.Id, x.d.ContractId, c == null ? null : c.Number, x.d.WhatWasDisclosed, x.d.ContractingOfficer,
                x.d.InspectorGeneral, x.d.DisclosedOn, x.d.ActionsTaken, x.d.GrievanceId, x.d.FindingId, x.d.CreatedAt, x.d.CreatedBy))
            .ToListAsync(ct);
    }

    internal static void Text(RuleViolations errors, string field, string? value, int max, bool required, string rule)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors.Add(field, "required", $"'{field}' is required. {rule}".Trim()); }
        else if (value.Length > max) errors.Add(field, "too_long", $"'{field}' is {value.Length:N0} characters; the limit is {max:N0}.");
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/credible-information", async (Request request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RecordAsync(request, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, clock, ct)).ToHttp(r => TypedResults.Created($"/api/v1/credible-information/{r.Id}", r)))
            .RequireAuthorization(Policies.Write).WithTags("Attestations").WithName("RecordCredibleInformationDisclosure");
        api.MapGet("/credible-information", async (DateOnly? from, DateOnly? to, ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(from, to, db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Attestations").WithName("ListCredibleInformationDisclosures");
    }
}
