using Compliance.Domain.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>POST /api/v1/grievances/{id}/status: the next step of the case (acknowledge, investigate, outcome, remedy, close, reopen).</summary>
public static class MoveGrievance
{
    public sealed record Request(GrievanceStatus? Status, string? Note = null);

    public static async Task<Outcome<GrievanceStatus>> HandleAsync(Guid id, Request request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var grievance = await db.Grievances.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grievance is null) return Outcome<GrievanceStatus>.NotFound();
        if (request.Status is not { } to)
            return Outcome<GrievanceStatus>.Invalid([new("status", "required", $"'status' is required: one of {string.Join(", ", GrievanceFlow.NextFrom(grievance.Status))}.")]);
        var errors = grievance.MoveTo(to, request.Note, clock.GetUtcNow().UtcDateTime);
        if (errors.Count > 0)
            return errors.Any(e => e.Code == "transition_not_allowed") ? new(default, Failure.Conflict, errors) : Outcome<GrievanceStatus>.Invalid(errors);
        await db.SaveChangesAsync(ct);
        return grievance.Status;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/grievances/{id:guid}/status", async (Guid id, Request request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, db, clock, ct)).ToHttp(status => TypedResults.Ok(new { status })))
            .RequireAuthorization(Policies.GrievanceContent).WithTags("Grievances").WithName("MoveGrievance");
}
