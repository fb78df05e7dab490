using Compliance.Domain.Common;
using Compliance.Domain.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>
/// The reporter's way back: with the receipt code and the passphrase they see the status and the messages the handler
/// sent them, and write more. A wrong passphrase and an unknown receipt code answer exactly alike, so neither tells a
/// guesser anything. The passphrase travels in a header (or a form post), never in a URL that logs could keep.
/// </summary>
public static class FollowUpGrievance
{
    public const string PassphraseHeader = "Grievance-Passphrase";

    public sealed record Message(MessageAuthor From, string Body, DateTime SentAt);

    public sealed record CaseView(string ReceiptCode, GrievanceStatus Status, string Language, GrievanceCategory Category, DateTime ReceivedAt,
        DateTime? AcknowledgedAt, DateOnly AcknowledgeBy, DateTime? OutcomeAt, DateTime? ClosedAt, IReadOnlyList<Message> Messages);

    public sealed record Reply(string? Message);

    /// <summary>The case, or null when the receipt code is unknown or the passphrase does not match (indistinguishable on purpose).</summary>
    public static async Task<CaseView?> FindAsync(string receiptCode, string? passphrase, ComplianceDbContext db, GrievanceProtector protector, CancellationToken ct)
    {
        var grievance = await AuthenticateAsync(receiptCode, passphrase, db, ct);
        if (grievance is null) return null;
        var organizationId = db.Tenant.RequiredOrganizationId;
        var messages = await db.GrievanceMessages.AsNoTracking()
            .Where(m => m.GrievanceId == grievance.Id && !m.Internal)
            .OrderBy(m => m.SentAt)
            .ToListAsync(ct);
        return new CaseView(grievance.ReceiptCode, grievance.Status, grievance.Language, grievance.Category, grievance.ReceivedAt, grievance.AcknowledgedAt,
            grievance.AcknowledgeBy, grievance.OutcomeAt, grievance.ClosedAt,
            [.. messages.Select(m => new Message(m.Author, protector.Unprotect(organizationId, m.BodyProtected), m.SentAt))]);
    }

    /// <summary>Adds the reporter's message to the case; NotFound exactly when <see cref="FindAsync"/> would find nothing.</summary>
    public static async Task<Outcome<DateTime>> ReplyAsync(string receiptCode, string? passphrase, Reply reply, ComplianceDbContext db, GrievanceProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var grievance = await AuthenticateAsync(receiptCode, passphrase, db, ct);
        if (grievance is null) return Outcome<DateTime>.NotFound();
        var errors = new RuleViolations();
        var body = GrievanceText.Check(errors, "message", reply.Message, GrievanceText.MaxMessage, required: true);
        if (errors.Count > 0) return Outcome<DateTime>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        db.GrievanceMessages.Add(new GrievanceMessage
        {
            GrievanceId = grievance.Id,
            Author = MessageAuthor.Reporter,
            BodyProtected = protector.Protect(db.Tenant.RequiredOrganizationId, body!),
            SentAt = now,
        });
        await db.SaveChangesAsync(ct);
        return now;
    }

    private static async Task<Grievance?> AuthenticateAsync(string receiptCode, string? passphrase, ComplianceDbContext db, CancellationToken ct)
    {
        var code = ReceiptCredentials.Normalize(receiptCode ?? "");
        var grievance = code.Length == 0 ? null : await db.Grievances.AsNoTracking().FirstOrDefaultAsync(g => g.ReceiptCode == code, ct);
        // Hash and compare even when the code is unknown, so both failures take the same work.
        var matches = ReceiptCredentials.Matches(passphrase, grievance?.PassphraseHash ?? UnknownHash);
        return matches && grievance is not null ? grievance : null;
    }

    private static readonly string UnknownHash = new('0', 64);

    /// <summary>One answer for an unknown receipt, a wrong passphrase and an unknown organization.</summary>
    public static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
        detail: "No report matches this receipt code and passphrase.");

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/public/{slug}/grievances/{receiptCode}", async (string slug, string receiptCode, [FromHeader(Name = PassphraseHeader)] string? passphrase,
                ComplianceDbContext db, GrievanceProtector protector, CancellationToken ct) =>
            {
                if (!await PublicOrganization.UseAsync(slug, db, ct)) return NotFound();
                return await FindAsync(receiptCode, passphrase, db, protector, ct) is { } view ? TypedResults.Ok(view) : NotFound();
            })
            .AllowAnonymous().RequireRateLimiting(RateLimits.GrievanceFollowUp).WithTags("Grievances").WithName("FollowUpGrievance");

        api.MapPost("/public/{slug}/grievances/{receiptCode}/messages", async (string slug, string receiptCode, [FromHeader(Name = PassphraseHeader)] string? passphrase,
                Reply reply, ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await PublicOrganization.UseAsync(slug, db, ct)) return NotFound();
                var outcome = await ReplyAsync(receiptCode, passphrase, reply, db, protector, clock, ct);
                return outcome.Failure == Failure.NotFound ? NotFound() : outcome.ToHttp(sentAt => TypedResults.Created((string?)null, new { sentAt }));
            })
            .AllowAnonymous().RequireRateLimiting(RateLimits.GrievanceFollowUp).WithTags("Grievances").WithName("ReplyToGrievance");
    }
}
