using Compliance.Domain.Attestations;
using Compliance.Domain.Evidence;
using Compliance.Web.Features.Audits;
using Compliance.Web.Features.Evidence;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Attestations;

/// <summary>
/// The supplier contact's side of a certification request, without an account: GET /api/v1/public/certify/{token} shows the
/// statement, POST signs it. The link is the credential: only its SHA-256 is stored, it expires, and once signed it
/// answers 410 Gone, so it cannot be used again.
/// </summary>
public static class CertifyByLink
{
    public enum LinkState
    {
        Open,
        Unknown,
        Expired,
        Used,
    }

    public sealed record LinkView(string OrganizationName, string? SupplierName, string? ContactName, AttestationKind Kind, string StatementVersion, string StatementText, DateTime? ExpiresAt);

    public sealed record SignedStatement(string StatementVersion, string StatementSha256, DateOnly SignedOn, DateOnly ValidUntil, Guid? EvidenceId);

    public sealed record FileUpload(string FileName, Stream Content);

    /// <summary>Finds the request of a token and acts for its organization in this scope.</summary>
    private static async Task<(LinkState State, Attestation? Attestation)> OpenAsync(string token, ComplianceDbContext db, TimeProvider clock, bool track, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) return (LinkState.Unknown, null);
        var found = await CrossTenant.FindAttestationByLinkAsync(db, Attestation.Sha256Of(token), ct);
        if (found is null) return (LinkState.Unknown, null);
        db.Tenant.Use(found.Value.OrganizationId);
        var query = track ? db.Attestations : db.Attestations.AsNoTracking();
        var a = await query.FirstAsync(x => x.Id == found.Value.AttestationId, ct);
        if (a.Status != AttestationStatus.Requested) return (LinkState.Used, a);
        if (a.LinkExpiresAt <= clock.GetUtcNow().UtcDateTime) return (LinkState.Expired, a);
        return (LinkState.Open, a);
    }

    public static async Task<(LinkState State, LinkView? View)> ViewAsync(string token, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (state, a) = await OpenAsync(token, db, clock, track: false, ct);
        if (state != LinkState.Open) return (state, null);
        var organization = await db.Organizations.Where(o => o.Id == a!.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var supplier = a!.SupplierId is { } sid ? await db.Suppliers.Where(s => s.Id == sid).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;
        return (state, new LinkView(organization, supplier, a.ContactName, a.Kind, a.StatementVersion, a.StatementText, a.LinkExpiresAt));
    }

    public static async Task<(LinkState State, Outcome<SignedStatement>? Outcome)> SignAsync(string token, AttestationRequests.SignRequest request, FileUpload? file,
        ComplianceDbContext db, IBlobStore blobs, long maxBytes, TimeProvider clock, CancellationToken ct)
    {
        var (state, a) = await OpenAsync(token, db, clock, track: true, ct);
        if (state != LinkState.Open) return (state, null);
        var errors = AttestationFlow.CheckSignature(request.SignerName, request.SignerTitle, request.SignedOn, request.StatementVersion, a!, Today.Of(clock));
        if (errors.Count > 0) return (state, Outcome<SignedStatement>.Invalid(errors));

        Guid? evidenceId = null;
        if (file is not null)
        {
            var uploaded = await UploadEvidence.HandleAsync(new UploadEvidence.Upload(EvidenceOwner.Attestation, a!.Id, file.FileName, file.Content, "Attached by the signer"),
                $"supplier: {request.SignerName!.Trim()}", db, blobs, maxBytes, clock, ct);
            if (!uploaded.Succeeded) return (state, Outcome<SignedStatement>.Invalid(uploaded.Errors!));
            evidenceId = uploaded.Value!.Id;
        }
        AttestationRequests.ApplySignature(a!, request.SignerName!, request.SignerTitle!, request.SignedOn!.Value, clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (LinkState.Used, null); // signed at the same moment through another request
        }
        return (state, new SignedStatement(a!.StatementVersion, a.StatementSha256, a.SignedOn!.Value, a.ValidUntil!.Value, evidenceId));
    }

    private static IResult Gone(LinkState state) => state switch
    {
        LinkState.Expired => Problems.Rule(StatusCodes.Status410Gone, "token", "link_expired", "This link has expired. Ask the company that sent it for a new one."),
        LinkState.Used => Problems.Rule(StatusCodes.Status410Gone, "token", "link_used", "This statement has already been signed; the link cannot be used again."),
        _ => Problems.NotFound(),
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/public/certify/{token}", async (string token, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var (state, view) = await ViewAsync(token, db, clock, ct);
                return state == LinkState.Open ? TypedResults.Ok(view) : Gone(state);
            })
            .AllowAnonymous().WithTags("Attestations").WithName("ViewCertificationRequest");
        api.MapPost("/public/certify/{token}", async (string token, AttestationRequests.SignRequest request, ComplianceDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct) =>
            {
                var (state, outcome) = await SignAsync(token, request, null, db, blobs, 0, clock, ct);
                return state == LinkState.Open && outcome is not null ? outcome.ToHttp(TypedResults.Ok) : Gone(state);
            })
            .AllowAnonymous().DisableAntiforgery().WithTags("Attestations").WithName("SignCertificationRequest");
    }
}
