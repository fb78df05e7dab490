using System.Security.Claims;
using Compliance.Domain.Attestations;
using Compliance.Domain.Common;
using Compliance.Web.Features.Notifications;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Attestations;

/// <summary>
/// The contracting officer's side: GET /api/v1/officer/attestations (the agency's queue across contractors),
/// GET /api/v1/officer/attestations/{id} (certification, compliance plan summary, evidence list, earlier reviews),
/// POST /api/v1/attestations/{id}/review {decision: Accept|Return, comments}. Anything outside the agency answers 404.
/// </summary>
public static class OfficerReview
{
    public sealed record ReviewRequest(ReviewDecision? Decision, string? Comments);

    public sealed record PlanElementSummary(CompliancePlanElementKind Kind, string Title, string? Summary);

    public sealed record Submission(Guid Id, string Contractor, string ContractNumber, string Agency, decimal OutsideUsValue, DateOnly AwardDate, string RequirementReason,
        AttestationStatus Status, string StatementVersion, string StatementText, string StatementSha256, string? SignerName, string? SignerTitle, DateOnly? SignedOn,
        DateOnly? ValidUntil, DateTime? SubmittedAt, int Submissions, int? PlanVersion, DateTime? PlanSavedAt, IReadOnlyList<PlanElementSummary> Plan,
        IReadOnlyList<CrossTenant.OfficerEvidence> Evidence, IReadOnlyList<AttestationRequests.ReviewRow> Reviews);

    public const int SummaryLength = 400;

    public static string? AgencyOf(ClaimsPrincipal user) => user.FindFirstValue(ComplianceClaims.Agency);

    public static Task<List<CrossTenant.OfficerQueueRow>> QueueAsync(string agency, ComplianceDbContext db, CancellationToken ct) =>
        CrossTenant.OfficerQueueAsync(db, agency, ct);

    public static async Task<Outcome<Submission>> GetAsync(string agency, Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var s = await CrossTenant.OfficerSubmissionAsync(db, agency, id, ct);
        if (s is null) return Outcome<Submission>.NotFound();
        var a = s.Attestation;
        var plan = Enum.GetValues<CompliancePlanElementKind>()
            .Select(k => new PlanElementSummary(k, CompliancePlans.Title(k), Clip(s.Plan?.TextOf(k) ?? (k == CompliancePlanElementKind.HousingPlan && s.Plan is not null ? "No housing is provided or arranged." : null))))
            .ToList();
        return new Submission(a.Id, s.Contractor, s.Contract.Number, s.Contract.Agency, s.Contract.OutsideUsValue, s.Contract.AwardDate, s.Contract.Reason,
            a.Status, a.StatementVersion, a.StatementText, a.StatementSha256, a.SignerName, a.SignerTitle, a.SignedOn, a.ValidUntil, a.SubmittedAt, a.Submissions,
            s.Plan?.Version, s.Plan?.SavedAt, plan, s.Evidence,
            [.. s.Reviews.Select(r => new AttestationRequests.ReviewRow(r.Decision, r.Comments, r.ReviewedBy, r.Agency, r.ReviewedAt, r.Submission))]);
    }

    public static async Task<Outcome<Submission>> ReviewAsync(string agency, string officer, Guid id, ReviewRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var found = await CrossTenant.OfficerSubmissionAsync(db, agency, id, ct);
        if (found is null) return Outcome<Submission>.NotFound();
        if (request.Decision is not { } decision)
            return Outcome<Submission>.Invalid([new RuleViolation("decision", "required", "'decision' is required: Accept or Return.")]);
        // From here on the write happens inside the contractor's tenant, like any other write: filter, save guard, audit trail.
        db.Tenant.Use(found.Attestation.OrganizationId);
        var a = await db.Attestations.FirstAsync(x => x.Id == id, ct);
        if (AttestationFlow.CheckReview(a, decision, request.Comments) is { } v)
            return v.Code == "wrong_status" ? Outcome<Submission>.Conflict(v.Field, v.Code, v.Message) : Outcome<Submission>.Invalid([v]);
        var now = clock.GetUtcNow().UtcDateTime;
        var comments = string.IsNullOrWhiteSpace(request.Comments) ? null : request.Comments.Trim();
        a.Status = decision == ReviewDecision.Accept ? AttestationStatus.Accepted : AttestationStatus.Returned;
        a.ReviewComments = comments;
        a.ReviewedBy = officer;
        a.ReviewedAt = now;
        db.AttestationReviews.Add(new AttestationReview { AttestationId = a.Id, Submission = a.Submissions, Decision = a.Status, Comments = comments, ReviewedBy = officer, Agency = found.Contract.Agency, ReviewedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Submission>.Conflict("status", "already_reviewed", "Another review of this submission was saved at the same moment; reload it.");
        }
        await Notices.RaiseAsync(db, [new Notification
        {
            Key = $"attestation-review:{a.Id}:{a.Submissions}", Kind = a.Status == AttestationStatus.Accepted ? "AttestationAccepted" : "AttestationReturned", CreatedAt = now,
            Message = a.Status == AttestationStatus.Accepted
                ? $"The contracting officer accepted the FAR 52.222-56 certification of contract {found.Contract.Number}."
                : $"The contracting officer returned the FAR 52.222-56 certification of contract {found.Contract.Number}: {Clip(comments)}",
            Link = $"/Attestations/Details/{a.Id}",
        }], ct);
        return await GetAsync(agency, id, db, ct);
    }

    private static string? Clip(string? text) => text is null || text.Length <= SummaryLength ? text : text[..SummaryLength] + "…";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/officer/attestations", async (HttpContext http, ComplianceDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await QueueAsync(AgencyOf(http.User)!, db, ct)))
            .RequireAuthorization(Policies.ContractingOfficer).WithTags("Contracting officer").WithName("OfficerQueue");
        api.MapGet("/officer/attestations/{id:guid}", async (Guid id, HttpContext http, ComplianceDbContext db, CancellationToken ct) =>
                (await GetAsync(AgencyOf(http.User)!, id, db, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ContractingOfficer).WithTags("Contracting officer").WithName("OfficerSubmission");
        api.MapPost("/attestations/{id:guid}/review", async (Guid id, ReviewRequest request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ReviewAsync(AgencyOf(http.User)!, ComplianceClaims.ActorOf(http.User) ?? "officer", id, request, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ContractingOfficer).WithTags("Contracting officer").WithName("ReviewAttestation");
    }
}
