using System.ComponentModel.DataAnnotations;
using Compliance.Domain.Attestations;
using Compliance.Domain.Common;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Attestations;

/// <summary>
/// The compliance-plan threshold steps, from configuration (<c>Attestations:Thresholds:N:EffectiveFrom|Amount|Source</c>)
/// or the FAR history built in: the threshold is inflation-adjusted, so a new step is a setting, not a release.
/// </summary>
public static class ThresholdSetup
{
    public static CompliancePlanThreshold From(IConfiguration configuration)
    {
        var steps = configuration.GetSection("Attestations:Thresholds").GetChildren()
            .Select(s => new ThresholdStep(DateOnly.Parse(s["EffectiveFrom"]!, System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(s["Amount"]!, System.Globalization.CultureInfo.InvariantCulture), s["Source"] ?? "configuration"))
            .ToList();
        return steps.Count == 0 ? CompliancePlanThreshold.Far : new CompliancePlanThreshold(steps);
    }
}

/// <summary>POST/PUT/GET /api/v1/contracts: the organization's federal contracts and whether each needs a compliance plan.</summary>
public static class FederalContracts
{
    public sealed record Request(string? Number, string? Agency, string? ContractingOfficerEmail, decimal? Value, decimal? OutsideUsValue, DateOnly? AwardDate);

    public sealed record Response(Guid Id, string Number, string Agency, string ContractingOfficerEmail, decimal Value, decimal OutsideUsValue, DateOnly AwardDate,
        bool CompliancePlanRequired, decimal? Threshold, string Reason, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public static Response From(FederalContract c) => new(c.Id, c.Number, c.Agency, c.ContractingOfficerEmail, c.Value, c.OutsideUsValue, c.AwardDate,
            c.CompliancePlanRequired, c.ThresholdApplied, c.Reason, c.CreatedAt, c.UpdatedAt);
    }

    public static Task<Outcome<Response>> CreateAsync(Request request, ComplianceDbContext db, CompliancePlanThreshold threshold, TimeProvider clock, CancellationToken ct) =>
        ApplyAsync(null, request, db, threshold, clock, ct);

    public static async Task<Outcome<Response>> UpdateAsync(Guid id, Request request, ComplianceDbContext db, CompliancePlanThreshold threshold, TimeProvider clock, CancellationToken ct)
    {
        var contract = await db.FederalContracts.FirstOrDefaultAsync(c => c.Id == id, ct);
        return contract is null ? Outcome<Response>.NotFound() : await ApplyAsync(contract, request, db, threshold, clock, ct);
    }

    private static async Task<Outcome<Response>> ApplyAsync(FederalContract? contract, Request request, ComplianceDbContext db, CompliancePlanThreshold threshold, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        var number = request.Number?.Trim() ?? "";
        var agency = request.Agency?.Trim() ?? "";
        var email = request.ContractingOfficerEmail?.Trim() ?? "";
        if (number.Length == 0) errors.Add("number", "required", "'number' is required: the contract number (PIID).");
        else if (number.Length > 100) errors.Add("number", "too_long", "'number' is longer than 100 characters.");
        if (agency.Length == 0) errors.Add("agency", "required", "'agency' is required: the contracting agency.");
        else if (agency.Length > 200) errors.Add("agency", "too_long", "'agency' is longer than 200 characters.");
        if (email.Length == 0) errors.Add("contractingOfficerEmail", "required", "'contractingOfficerEmail' is required.");
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)) errors.Add("contractingOfficerEmail", "invalid_email", "'contractingOfficerEmail' is not an e-mail address.");
        if (request.Value is not { } value) errors.Add("value", "required", "'value' is required: the contract value in US dollars.");
        else if (value < 0 || value > 1_000_000_000_000m) errors.Add("value", "out_of_range", "'value' must be between 0 and 1,000,000,000,000.");
        if (request.OutsideUsValue is not { } outside) errors.Add("outsideUsValue", "required", "'outsideUsValue' is required: the estimated value of non-COTS supplies acquired, or services performed, outside the US (0 if none).");
        else if (outside < 0) errors.Add("outsideUsValue", "out_of_range", "'outsideUsValue' cannot be negative.");
        else if (request.Value is { } v && outside > v) errors.Add("outsideUsValue", "exceeds_value", "'outsideUsValue' cannot exceed the contract's 'value'.");
        if (request.AwardDate is null) errors.Add("awardDate", "required", "'awardDate' is required: it decides which threshold applies.");
        else if (request.AwardDate > Today.Of(clock).AddYears(2)) errors.Add("awardDate", "out_of_range", "'awardDate' is more than two years ahead.");
        if (errors.Count > 0) return Outcome<Response>.Invalid(errors);
        if (await db.FederalContracts.AnyAsync(c => c.Number == number && (contract == null || c.Id != contract.Id), ct))
            return Outcome<Response>.Conflict("number", "duplicate_number", $"Contract '{number}' is already recorded.");

        // FAR 52.222-50(h)(1) and 52.222-56: the plan is required when the outside-US portion exceeds the threshold in force at award.
        var decision = threshold.Decide(request.OutsideUsValue!.Value, request.AwardDate!.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        contract ??= db.FederalContracts.Add(new FederalContract { Number = number, Agency = agency, AgencyKey = "", ContractingOfficerEmail = email, Reason = "", CreatedAt = now }).Entity;
        contract.Number = number;
        contract.Agency = agency;
        contract.AgencyKey = Agencies.KeyOf(agency);
        contract.ContractingOfficerEmail = email;
        contract.Value = request.Value!.Value;
        contract.OutsideUsValue = request.OutsideUsValue.Value;
        contract.AwardDate = request.AwardDate.Value;
        contract.CompliancePlanRequired = decision.Required;
        contract.ThresholdApplied = decision.Threshold;
        contract.Reason = decision.Reason;
        contract.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Response.From(contract);
    }

    public static async Task<List<Response>> ListAsync(ComplianceDbContext db, CancellationToken ct) =>
        [.. (await db.FederalContracts.AsNoTracking().OrderByDescending(c => c.AwardDate).ThenBy(c => c.Number).ToListAsync(ct)).Select(Response.From)];

    public static async Task<Outcome<Response>> GetAsync(Guid id, ComplianceDbContext db, CancellationToken ct) =>
        await db.FederalContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? Response.From(c) : Outcome<Response>.NotFound();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/contracts", async (Request request, ComplianceDbContext db, CompliancePlanThreshold threshold, TimeProvider clock, CancellationToken ct) =>
                (await CreateAsync(request, db, threshold, clock, ct)).ToHttp(c => TypedResults.Created($"/api/v1/contracts/{c.Id}", c)))
            .RequireAuthorization(Policies.Write).WithTags("Contracts").WithName("RecordContract");
        api.MapPut("/contracts/{id:guid}", async (Guid id, Request request, ComplianceDbContext db, CompliancePlanThreshold threshold, TimeProvider clock, CancellationToken ct) =>
                (await UpdateAsync(id, request, db, threshold, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Contracts").WithName("UpdateContract");
        api.MapGet("/contracts", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Contracts").WithName("ListContracts");
        api.MapGet("/contracts/{id:guid}", async (Guid id, ComplianceDbContext db, CancellationToken ct) => (await GetAsync(id, db, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Contracts").WithName("GetContract");
    }
}
