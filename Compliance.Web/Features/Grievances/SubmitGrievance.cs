using Compliance.Domain.Common;
using Compliance.Domain.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>
/// A worker's report, through the public form or API (no account), or recorded by a handler from a hotline call or a
/// conversation. Returns the receipt code and passphrase the reporter needs to follow up; the passphrase is shown
/// once and stored only as a hash. Nothing about the sender's connection (address, browser) is read or kept.
/// </summary>
public static class SubmitGrievance
{
    public sealed record Request(string? Category, string? Description, string? Language = null, string? Workplace = null, string? Contact = null, string? Channel = null);

    public sealed record Receipt(Guid Id, string ReceiptCode, string Passphrase, DateOnly AcknowledgeBy);

    public static async Task<Outcome<Receipt>> HandleAsync(Request request, GrievanceChannel channel, ComplianceDbContext db, GrievanceProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        GrievanceCategory category = default;
        if (string.IsNullOrWhiteSpace(request.Category))
            errors.Add("category", "required", $"'category' is required: one of {string.Join(", ", Enum.GetNames<GrievanceCategory>())}.");
        else if (!Enum.TryParse(request.Category, ignoreCase: true, out category) || !Enum.IsDefined(category))
            errors.Add("category", "unknown", $"'{Clip(request.Category)}' is not a category; use one of {string.Join(", ", Enum.GetNames<GrievanceCategory>())}.");
        var description = GrievanceText.Check(errors, "description", request.Description, GrievanceText.MaxDescription, required: true);
        var workplace = GrievanceText.Check(errors, "workplace", request.Workplace, GrievanceText.MaxWorkplace, required: false);
        var contact = GrievanceText.Check(errors, "contact", request.Contact, GrievanceText.MaxContact, required: false);
        var language = IntakeLanguages.Resolve(request.Language, out var languageKnown);
        if (!languageKnown)
            errors.Add("language", "unknown", $"'{Clip(request.Language!)}' is not a language tag this form knows; use one of {string.Join(", ", IntakeLanguages.Tags)}.");
        if (errors.Count > 0) return Outcome<Receipt>.Invalid(errors);

        var organizationId = db.Tenant.RequiredOrganizationId;
        var sla = (await db.OrganizationSettings.AsNoTracking().FirstOrDefaultAsync(ct))?.GrievanceSla ?? GrievanceSlaPolicy.Default;
        var now = clock.GetUtcNow().UtcDateTime;
        var (acknowledgeBy, outcomeBy) = sla.DeadlinesFor(now);
        var passphrase = ReceiptCredentials.NewPassphrase();
        var grievance = new Grievance
        {
            ReceiptCode = await UnusedReceiptCodeAsync(db, ct),
            PassphraseHash = ReceiptCredentials.Hash(passphrase),
            Channel = channel,
            Language = language,
            Category = category,
            DescriptionProtected = protector.Protect(organizationId, description!),
            WorkplaceProtected = protector.Protect(organizationId, workplace, keepNull: true),
            ContactProtected = protector.Protect(organizationId, contact, keepNull: true),
            ReporterGaveContact = contact is not null,
            ReceivedAt = now,
            AcknowledgeBy = acknowledgeBy,
            OutcomeBy = outcomeBy,
            UpdatedAt = now,
        };
        db.Grievances.Add(grievance);
        await db.SaveChangesAsync(ct);
        return new Receipt(grievance.Id, grievance.ReceiptCode, passphrase, acknowledgeBy);
    }

    private static async Task<string> UnusedReceiptCodeAsync(ComplianceDbContext db, CancellationToken ct)
    {
        // 60 random bits: a collision is all but impossible, but a retry costs nothing.
        while (true)
        {
            var code = ReceiptCredentials.NewReceiptCode();
            if (!await db.Grievances.AnyAsync(g => g.ReceiptCode == code, ct)) return code;
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static void Map(RouteGroupBuilder api)
    {
        // Public intake: no account. Anonymous by default; the rate limit partitions by client in memory only.
        api.MapPost("/public/{slug}/grievances", async (string slug, Request request, ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await PublicOrganization.UseAsync(slug, db, ct)) return Problems.NotFound();
                return (await HandleAsync(request with { Channel = null }, GrievanceChannel.WebForm, db, protector, clock, ct))
                    .ToHttp(r => TypedResults.Created($"/api/v1/public/{slug}/grievances/{r.ReceiptCode}", new { r.ReceiptCode, r.Passphrase, r.AcknowledgeBy }));
            })
            .AllowAnonymous().RequireRateLimiting(Infrastructure.Http.RateLimits.GrievanceIntake).DisableAntiforgery()
            .WithTags("Grievances").WithName("SubmitGrievance");

        // A handler records a grievance that came by phone, in person or by letter, and hands the worker the receipt.
        api.MapPost("/grievances", async (Request request, ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock, CancellationToken ct) =>
            {
                if (!Enum.TryParse<GrievanceChannel>(request.Channel, ignoreCase: true, out var channel) || !Enum.IsDefined(channel))
                    return Problems.Rule(StatusCodes.Status400BadRequest, "channel", request.Channel is null ? "required" : "unknown",
                        $"'channel' is required: one of {string.Join(", ", Enum.GetNames<GrievanceChannel>())}.");
                return (await HandleAsync(request, channel, db, protector, clock, ct))
                    .ToHttp(r => TypedResults.Created($"/api/v1/grievances/{r.Id}", r));
            })
            .RequireAuthorization(Policies.GrievanceContent).WithTags("Grievances").WithName("RecordGrievance");
    }
}

/// <summary>The organization behind a public URL (grievance form, published disclosure), by its slug.</summary>
public static class PublicOrganization
{
    /// <summary>Acts for the organization with this slug from now on, in this scope; false when there is none.</summary>
    public static async Task<bool> UseAsync(string slug, ComplianceDbContext db, CancellationToken ct)
    {
        var id = await FindAsync(slug, db, ct);
        if (id is null) return false;
        db.Tenant.Use(id.Value);
        return true;
    }

    public static async Task<Guid?> FindAsync(string slug, ComplianceDbContext db, CancellationToken ct) =>
        slug.Length > 60 ? null
            : await db.Organizations.AsNoTracking().Where(o => o.Slug == slug.ToLowerInvariant()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
}
