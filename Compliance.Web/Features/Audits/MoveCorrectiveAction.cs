using Compliance.Domain.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>POST /api/v1/corrective-actions/{id}/status: the next step in the action's flow.</summary>
public static class MoveCorrectiveAction
{
    public sealed record Request(CorrectiveActionStatus? Status, VerificationMethod? VerificationMethod = null, string? Reason = null);

    public static async Task<Outcome<CorrectiveActionResponse>> HandleAsync(Guid id, Request request, string actor, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var action = await db.CorrectiveActions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return Outcome<CorrectiveActionResponse>.NotFound();
        if (request.Status is not { } to)
            return Outcome<CorrectiveActionResponse>.Invalid([new("status", "required", $"'status' is required: one of {string.Join(", ", CorrectiveActionFlow.NextFrom(action.Status))}.")]);
        var errors = action.MoveTo(to, request.VerificationMethod, request.Reason, actor, clock.GetUtcNow().UtcDateTime);
        if (errors.Count > 0)
            return errors.Any(e => e.Code == "transition_not_allowed") ? new(default, Failure.Conflict, errors) : Outcome<CorrectiveActionResponse>.Invalid(errors);
        await db.SaveChangesAsync(ct);
        return CorrectiveActionResponse.From(action, Today.Of(clock));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/corrective-actions/{id:guid}/status", async (Guid id, Request request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Audits").WithName("MoveCorrectiveAction");
}
