using Compliance.Domain.Common;
using Compliance.Domain.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>
/// PUT /api/v1/grievances/{id}/triage: the handler's classification of the case — category (the reporter's choice can be
/// corrected), linked supplier, who handles it, the retaliation watch with its follow-up date, and whether the case is
/// credible information for a FAR 52.222-50(d) disclosure. Every field is set as given (a full replace).
/// </summary>
public static class TriageGrievance
{
    public sealed record Request(GrievanceCategory? Category, Guid? SupplierId, string? AssignedTo, bool RetaliationWatch, DateOnly? RetaliationFollowUpOn,
        bool CredibleInformation);

    public static async Task<Outcome<Request>> HandleAsync(Guid id, Request request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var grievance = await db.Grievances.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grievance is null) return Outcome<Request>.NotFound();
        var errors = new RuleViolations();
        if (request.SupplierId is { } supplierId && !await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
            errors.Add("supplierId", "not_found", $"No supplier {supplierId} in this organization.");
        var assignedTo = request.AssignedTo?.Trim();
        if (assignedTo is { Length: > 256 }) errors.Add("assignedTo", "too_long", $"'assignedTo' is {assignedTo.Length} characters; the limit is 256.");
        // FAR 52.222-50(h)(3)(ii): protection from retaliation is followed up, on a date.
        if (request.RetaliationWatch && request.RetaliationFollowUpOn is null)
            errors.Add("retaliationFollowUpOn", "required", "A retaliation watch needs the date of its next follow-up.");
        if (request.RetaliationFollowUpOn is { } followUp && followUp < DateOnly.FromDateTime(grievance.ReceivedAt))
            errors.Add("retaliationFollowUpOn", "before_receipt", "The follow-up date is before the grievance was received.");
        if (request.CredibleInformation && grievance.Status is not (GrievanceStatus.Investigating or GrievanceStatus.Substantiated or GrievanceStatus.Remediated or GrievanceStatus.Closed))
            errors.Add("credibleInformation", "not_investigated", "Only a grievance under investigation or with an outcome can be marked as credible information.");
        if (errors.Count > 0) return Outcome<Request>.Invalid(errors);

        grievance.Category = request.Category ?? grievance.Category;
        grievance.SupplierId = request.SupplierId;
        grievance.AssignedTo = string.IsNullOrEmpty(assignedTo) ? null : assignedTo;
        grievance.RetaliationWatch = request.RetaliationWatch;
        grievance.RetaliationFollowUpOn = request.RetaliationWatch ? request.RetaliationFollowUpOn : null;
        grievance.CredibleInformation = request.CredibleInformation;
        grievance.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return request with { Category = grievance.Category, AssignedTo = grievance.AssignedTo, RetaliationFollowUpOn = grievance.RetaliationFollowUpOn };
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/grievances/{id:guid}/triage", async (Guid id, Request request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.GrievanceContent).WithTags("Grievances").WithName("TriageGrievance");
}
