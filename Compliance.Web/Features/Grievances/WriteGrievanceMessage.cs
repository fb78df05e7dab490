using Compliance.Domain.Common;
using Compliance.Domain.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>POST /api/v1/grievances/{id}/messages: a message to the reporter (they read it with their receipt), or an internal note.</summary>
public static class WriteGrievanceMessage
{
    public sealed record Request(string? Body, bool Internal = false);

    public static async Task<Outcome<GrievanceCases.Message>> HandleAsync(Guid id, Request request, string handler, ComplianceDbContext db, GrievanceProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Grievances.AnyAsync(g => g.Id == id, ct)) return Outcome<GrievanceCases.Message>.NotFound();
        var errors = new RuleViolations();
        var body = GrievanceText.Check(errors, "body", request.Body, GrievanceText.MaxMessage, required: true);
        if (errors.Count > 0) return Outcome<GrievanceCases.Message>.Invalid(errors);
        var message = new GrievanceMessage
        {
            GrievanceId = id,
            Author = MessageAuthor.Handler,
            HandlerName = handler,
            Internal = request.Internal,
            BodyProtected = protector.Protect(db.Tenant.RequiredOrganizationId, body!),
            SentAt = clock.GetUtcNow().UtcDateTime,
        };
        db.GrievanceMessages.Add(message);
        await db.SaveChangesAsync(ct);
        return new GrievanceCases.Message(message.Id, message.Author, message.HandlerName, message.Internal, body!, message.SentAt);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/grievances/{id:guid}/messages", async (Guid id, Request request, HttpContext http, ComplianceDbContext db, GrievanceProtector protector,
                TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, protector, clock, ct))
                    .ToHttp(m => TypedResults.Created($"/api/v1/grievances/{id}", m)))
            .RequireAuthorization(Policies.GrievanceContent).WithTags("Grievances").WithName("WriteGrievanceMessage");
}
