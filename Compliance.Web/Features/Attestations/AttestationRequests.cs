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
/// POST /api/v1/attestations: a supplier certification or flow-down request (answered with a one-time link for the supplier
/// contact), or a FAR 52.222-56 certification of a contract (signed by the contractor's authorized signer, then submitted).
/// GET /api/v1/attestations and /{id}; POST /{id}/sign and /{id}/submit; GET /api/v1/attestations/flow-down.
/// </summary>
public static class AttestationRequests
{
    public sealed record CreateRequest(AttestationKind? Kind, Guid? SupplierId, Guid? ContractId, string? ContactName, string? ContactEmail, int? LinkValidDays);

    public sealed record Created(Guid Id, AttestationKind Kind, AttestationStatus Status, string StatementVersion, string? CertifyUrl, DateTime? LinkExpiresAt);

    public sealed record SignRequest(string? SignerName, string? SignerTitle, DateOnly? SignedOn, string? StatementVersion);

    public sealed record ReviewRow(AttestationStatus Decision, string? Comments, string ReviewedBy, string Agency, DateTime ReviewedAt, int Submission);

    public sealed record Response(Guid Id, AttestationKind Kind, AttestationStatus Status, bool Expired, Guid? SupplierId, string? SupplierName, Guid? ContractId, string? ContractNumber,
        string? Agency, string StatementVersion, string StatementText, string StatementSha256, string? ContactName, string? ContactEmail, DateTime? LinkExpiresAt,
        string? SignerName, string? SignerTitle, DateOnly? SignedOn, DateTime? SignedAt, DateOnly? ValidUntil, DateTime? SubmittedAt, int Submissions,
        string? ReviewComments, string? ReviewedBy, DateTime? ReviewedAt, IReadOnlyList<ReviewRow> Reviews, DateTime CreatedAt, string CreatedBy);

    public const int DefaultLinkValidDays = 30;

    public static async Task<Outcome<Created>> CreateAsync(CreateRequest request, string actor, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        if (request.Kind is not { } kind) { errors.Add("kind", "required", $"'kind' is required: one of {string.Join(", ", Enum.GetNames<AttestationKind>())}."); return Outcome<Created>.Invalid(errors); }
        var now = clock.GetUtcNow().UtcDateTime;
        var statement = AttestationStatements.Current(kind);
        var attestation = new Attestation
        {
            Kind = kind, StatementVersion = statement.Version, StatementText = statement.Text, StatementSha256 = Attestation.Sha256Of(statement.Text),
            CreatedAt = now, CreatedBy = actor,
        };
        string? token = null;
        if (kind == AttestationKind.FarCertification)
        {
            var contract = request.ContractId is { } cid ? await db.FederalContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
            if (request.ContractId is null) errors.Add("contractId", "required", "'contractId' is required for a FAR 52.222-56 certification.");
            else if (contract is null) errors.Add("contractId", "contract_not_found", $"No contract with id {request.ContractId} exists in this organization.");
            else if (!contract.CompliancePlanRequired)
                errors.Add("contractId", "certification_not_required", $"Contract {contract.Number} does not need the FAR 52.222-56 certification: {contract.Reason}");
            if (request.SupplierId is not null) errors.Add("supplierId", "not_allowed", "A FAR certification is the contractor's own; leave 'supplierId' out.");
            if (errors.Count > 0) return Outcome<Created>.Invalid(errors);
            attestation.ContractId = contract!.Id;
            attestation.AgencyKey = contract.AgencyKey;
            attestation.Status = AttestationStatus.Draft;
        }
        else
        {
            var email = request.ContactEmail?.Trim();
            if (request.SupplierId is not { } sid) errors.Add("supplierId", "required", "'supplierId' is required: the supplier asked to certify.");
            else if (!await db.Suppliers.AnyAsync(s => s.Id == sid, ct)) errors.Add("supplierId", "supplier_not_found", $"No supplier with id {sid} exists in this organization.");
            if (string.IsNullOrWhiteSpace(request.ContactName)) errors.Add("contactName", "required", "'contactName' is required: who at the supplier signs.");
            else if (request.ContactName.Length > 200) errors.Add("contactName", "too_long", "'contactName' is longer than 200 characters.");
            if (string.IsNullOrEmpty(email)) errors.Add("contactEmail", "required", "'contactEmail' is required: where the link is sent.");
            else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)) errors.Add("contactEmail", "invalid_email", "'contactEmail' is not an e-mail address.");
            var days = request.LinkValidDays ?? DefaultLinkValidDays;
            if (days is < 1 or > 90) errors.Add("linkValidDays", "out_of_range", "'linkValidDays' must be between 1 and 90.");
            if (request.ContractId is { } contractId && !await db.FederalContracts.AnyAsync(c => c.Id == contractId, ct))
                errors.Add("contractId", "contract_not_found", $"No contract with id {contractId} exists in this organization.");
            if (errors.Count > 0) return Outcome<Created>.Invalid(errors);
            (token, attestation.TokenHash) = Attestation.NewLinkToken();
            attestation.SupplierId = request.SupplierId;
            attestation.ContractId = request.ContractId;
            attestation.ContactName = request.ContactName!.Trim();
            attestation.ContactEmail = email;
            attestation.LinkExpiresAt = now.AddDays(days);
            attestation.Status = AttestationStatus.Requested;
        }
        db.Attestations.Add(attestation);
        await db.SaveChangesAsync(ct);
        return new Created(attestation.Id, attestation.Kind, attestation.Status, attestation.StatementVersion, token is null ? null : $"/certify/{token}", attestation.LinkExpiresAt);
    }

    /// <summary>The contractor's authorized signer (an Admin) signs a FAR certification; supplier statements are signed through their link.</summary>
    public static async Task<Outcome<Response>> SignAsync(Guid id, SignRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Attestations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Outcome<Response>.NotFound();
        if (a.Kind != AttestationKind.FarCertification)
            return Outcome<Response>.Conflict("kind", "signed_by_supplier", "Supplier statements are signed by the supplier contact through their link.");
        if (!AttestationFlow.CanSign(a.Status))
            return Outcome<Response>.Conflict("status", "already_signed", $"This certification is {a.Status}; a signed statement cannot be signed again. Make a new one for the next year.");
        var today = Today.Of(clock);
        var errors = AttestationFlow.CheckSignature(request.SignerName, request.SignerTitle, request.SignedOn, request.StatementVersion, a, today);
        if (errors.Count > 0) return Outcome<Response>.Invalid(errors);
        ApplySignature(a, request.SignerName!, request.SignerTitle!, request.SignedOn!.Value, clock);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, db, clock, ct));
    }

    internal static void ApplySignature(Attestation a, string name, string title, DateOnly signedOn, TimeProvider clock)
    {
        a.SignerName = name.Trim();
        a.SignerTitle = title.Trim();
        a.SignedOn = signedOn;
        a.SignedAt = clock.GetUtcNow().UtcDateTime;
        a.ValidUntil = AttestationFlow.ValidUntil(signedOn);
        a.Status = AttestationStatus.Signed;
    }

    public static async Task<Outcome<Response>> SubmitAsync(Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Attestations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Outcome<Response>.NotFound();
        if (AttestationFlow.CheckSubmit(a) is { } v) return Outcome<Response>.Conflict(v.Field, v.Code, v.Message);
        // The contract's agency as it is now: a corrected agency name sends the submission to the right officers.
        a.AgencyKey = await db.FederalContracts.Where(c => c.Id == a.ContractId).Select(c => c.AgencyKey).FirstAsync(ct);
        a.Status = AttestationStatus.Submitted;
        a.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        a.Submissions++;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, db, clock, ct);
    }

    public static async Task<Outcome<Response>> GetAsync(Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Attestations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Outcome<Response>.NotFound();
        var reviews = await db.AttestationReviews.AsNoTracking().Where(r => r.AttestationId == id).OrderBy(r => r.ReviewedAt)
            .Select(r => new ReviewRow(r.Decision, r.Comments, r.ReviewedBy, r.Agency, r.ReviewedAt, r.Submission)).ToListAsync(ct);
        var supplier = a.SupplierId is { } sid ? await db.Suppliers.Where(s => s.Id == sid).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;
        var contract = a.ContractId is { } cid ? await db.FederalContracts.AsNoTracking().Where(c => c.Id == cid).Select(c => new { c.Number, c.Agency }).FirstOrDefaultAsync(ct) : null;
        return ToResponse(a, supplier, contract?.Number, contract?.Agency, reviews, Today.Of(clock));
    }

    internal static Response ToResponse(Attestation a, string? supplier, string? contractNumber, string? agency, IReadOnlyList<ReviewRow> reviews, DateOnly today) =>
        new(a.Id, a.Kind, a.Status, a.ValidUntil is { } until && until < today, a.SupplierId, supplier, a.ContractId, contractNumber, agency,
            a.StatementVersion, a.StatementText, a.StatementSha256, a.ContactName, a.ContactEmail, a.LinkExpiresAt, a.SignerName, a.SignerTitle, a.SignedOn, a.SignedAt,
            a.ValidUntil, a.SubmittedAt, a.Submissions, a.ReviewComments, a.ReviewedBy, a.ReviewedAt, reviews, a.CreatedAt, a.CreatedBy);

    public sealed record Row(Guid Id, AttestationKind Kind, AttestationStatus Status, string? SupplierName, string? ContractNumber, string? SignerName, DateOnly? SignedOn, DateOnly? ValidUntil, DateTime? LinkExpiresAt, string? ReviewComments, DateTime CreatedAt);

    public static async Task<List<Row>> ListAsync(AttestationKind? kind, AttestationStatus? status, ComplianceDbContext db, CancellationToken ct)
    {
        var query = db.Attestations.AsNoTracking();
        if (kind is { } k) query = query.Where(a => a.Kind == k);
        if (status is { } s) query = query.Where(a => a.Status == s);
        return await query.OrderByDescending(a => a.CreatedAt).Take(1000)
            .GroupJoin(db.Suppliers, a => a.SupplierId, s => s.Id, (a, s) => new { a, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new { x.a, Supplier = s == null ? null : s.Name })
            .GroupJoin(db.FederalContracts, x => x.a.ContractId, c => c.Id, (x, c) => new { x.a, x.Supplier, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new Row(x.a.Id, x.a.Kind, x.a.Status, x.Supplier, c == null ? null : c.Number, x.a.SignerName, x.a.SignedOn, x.a.ValidUntil, x.a.LinkExpiresAt, x.a.ReviewComments, x.a.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>FAR 52.222-50(i): per supplier, the latest flow-down certification and whether it is current.</summary>
    public sealed record FlowDownRow(Guid SupplierId, string SupplierName, string ExternalReference, string Standing, AttestationStatus? Status, DateOnly? SignedOn, DateOnly? ValidUntil);

    public static async Task<List<FlowDownRow>> FlowDownAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var latest = (await db.Attestations.AsNoTracking().Where(a => a.Kind == AttestationKind.FlowDown && a.SupplierId != null)
                .Select(a => new { a.SupplierId, a.Status, a.SignedOn, a.ValidUntil, a.LinkExpiresAt, a.CreatedAt }).ToListAsync(ct))
            .GroupBy(a => a.SupplierId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.SignedOn.HasValue).ThenByDescending(a => a.CreatedAt).First());
        var ids = latest.Keys.ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id) || s.Tier == 1)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.ExternalReference }).Take(5000).ToListAsync(ct);
        return [.. suppliers.Select(s =>
        {
            if (!latest.TryGetValue(s.Id, out var a)) return new FlowDownRow(s.Id, s.Name, s.ExternalReference, "Not requested", null, null, null);
            var standing = a.Status == AttestationStatus.Requested
                ? (a.LinkExpiresAt < clock.GetUtcNow().UtcDateTime ? "Link expired" : "Requested")
                : a.ValidUntil < today ? "Expired" : "Current";
            return new FlowDownRow(s.Id, s.Name, s.ExternalReference, standing, a.Status, a.SignedOn, a.ValidUntil);
        })];
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/attestations", async (CreateRequest request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await CreateAsync(request, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, clock, ct)).ToHttp(a => TypedResults.Created($"/api/v1/attestations/{a.Id}", a)))
            .RequireAuthorization(Policies.Write).WithTags("Attestations").WithName("RequestAttestation");
        api.MapGet("/attestations", async (AttestationKind? kind, AttestationStatus? status, ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(kind, status, db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Attestations").WithName("ListAttestations");
        api.MapGet("/attestations/flow-down", async (ComplianceDbContext db, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await FlowDownAsync(db, clock, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Attestations").WithName("FlowDownStatus");
        api.MapGet("/attestations/{id:guid}", async (Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) => (await GetAsync(id, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Attestations").WithName("GetAttestation");
        // The contractor's authorized signer: an organization Admin.
        api.MapPost("/attestations/{id:guid}/sign", async (Guid id, SignRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SignAsync(id, request, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Admin).WithTags("Attestations").WithName("SignAttestation");
        api.MapPost("/attestations/{id:guid}/submit", async (Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SubmitAsync(id, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Admin).WithTags("Attestations").WithName("SubmitAttestation");
    }
}
