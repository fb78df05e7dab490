using Compliance.Domain.Common;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Screening;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Compliance.Web.Features.Screening;

/// <summary>
/// POST /api/v1/risk-lists (multipart: kind, name, edition, optional source and published, then file). An organization
/// Admin imports its own entity lists (an internal blocklist), visible to it alone. Platform lists — DOL goods, EO 13126,
/// and shared entity lists (platform=true) — only a platform operator (Screening:PlatformOperators, e-mail addresses) imports.
/// A file is stored once per kind, SHA-256 and edition: the same upload again answers 200 with the stored edition. A new
/// edition re-screens: the organization's suppliers for its own list, every organization's for a platform list.
/// </summary>
public static class ImportRiskList
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public sealed record Request(string? Kind, string? Name, string? Edition, string? Source, string? Published, bool Platform, string FileName, Stream File);

    /// <summary>The outcome: the edition (Created false when it was already stored), or the status and the rules broken.</summary>
    public sealed record Result(ListRiskLists.Edition? Edition, bool Created, int Status = StatusCodes.Status201Created, RuleViolations? Errors = null,
        IReadOnlyList<ListRowError>? Rows = null)
    {
        public IResult ToHttp() => Edition is not null
            ? Created ? TypedResults.Created($"/api/v1/risk-lists/{Edition.Id}", ListRiskLists.Json(Edition)) : TypedResults.Ok(ListRiskLists.Json(Edition))
            : Problem(this);

        private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(Result r)
        {
            var details = new ValidationProblemDetails(r.Errors!.ToDictionary())
            {
                Status = r.Status,
                Title = r.Status switch
                {
                    StatusCodes.Status403Forbidden => "Not allowed for this organization",
                    StatusCodes.Status409Conflict => "Conflict with existing data",
                    _ => "The request is not valid",
                },
                Extensions = { ["violations"] = r.Errors!.Select(v => new { field = v.Field, code = v.Code, message = v.Message }).ToArray() },
            };
            if (r.Rows is { Count: > 0 })
                details.Extensions["rows"] = r.Rows.Select(e => new { row = e.Row, column = e.Column, code = e.Code, message = e.Message }).ToArray();
            return TypedResults.Problem(details);
        }
    }

    private static Result Fail(int status, string field, string code, string message) => new(null, false, status, [new RuleViolation(field, code, message)]);

    /// <summary>
    /// Screening:PlatformOperators: comma-separated e-mail addresses of users, or ids of organizations whose Admins
    /// (signed in or by API token) operate the platform's reference data. Read per request, so it can change without a restart.
    /// </summary>
    public static bool IsPlatformOperator(IConfiguration configuration, System.Security.Claims.ClaimsPrincipal user)
    {
        var section = configuration.GetSection($"{ScreeningOptions.Section}:PlatformOperators");
        var entries = section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value ?? "") : (section.Value ?? "").Split(',', ';');
        string?[] identities = [ComplianceClaims.ActorOf(user), user.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value, user.FindFirst(ComplianceClaims.Organization)?.Value];
        return entries.Select(e => e.Trim()).Any(e => e.Length > 0 && identities.Any(i => string.Equals(i, e, StringComparison.OrdinalIgnoreCase)));
    }

    public static async Task<Result> HandleAsync(Request request, string actor, bool platformOperator, ComplianceDbContext db, ISchedulerFactory schedulers,
        ScreeningSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        var kind = ListRiskLists.KindFrom(request.Kind);
        if (kind is null) errors.Add("kind", "unknown_kind", "'kind' must be dol-goods, eo13126 or entity.");
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) errors.Add("name", "required", "'name' is required, at most 200 characters.");
        var edition = request.Edition?.Trim() ?? "";
        if (edition.Length is 0 or > 100) errors.Add("edition", "required", "'edition' is required, at most 100 characters (for example 2024).");
        DateOnly? published = null;
        if (!string.IsNullOrWhiteSpace(request.Published))
        {
            if (DateOnly.TryParseExact(request.Published.Trim(), "yyyy-MM-dd", out var date)) published = date;
            else errors.Add("published", "not_date", "'published' must be a date such as 2024-09-05.");
        }
        if ((request.Source?.Length ?? 0) > 1000) errors.Add("source", "too_long", "'source' may have at most 1000 characters.");
        if (errors.Count > 0) return new Result(null, false, StatusCodes.Status400BadRequest, errors);

        // Platform lists are shared by every organization: only an operator adds them (DESIGN §6).
        var platform = kind != RiskListKind.Entity || request.Platform;
        if (platform && !platformOperator)
            return Fail(StatusCodes.Status403Forbidden, "kind", "platform_list",
                "Only a platform operator imports DOL goods and EO 13126 editions or shared entity lists; an organization imports its own entity lists (kind=entity).");
        Guid? owner = platform ? null : db.Tenant.RequiredOrganizationId;

        var source = new RiskListSource(name, edition, string.IsNullOrWhiteSpace(request.Source) ? $"Uploaded file {request.FileName}" : request.Source.Trim(), published);
        var (parsed, rows) = RiskListStore.Read(kind!.Value, request.File, source);
        if (parsed is null)
        {
            var violations = new RuleViolations();
            foreach (var e in rows.Take(100)) violations.Add("file", e.Code, $"Row {e.Row}, column '{e.Column}': {e.Message}");
            return new Result(null, false, StatusCodes.Status400BadRequest, violations, [.. rows.Take(100)]);
        }

        if (await RiskListStore.FindAsync(db, owner, kind.Value, parsed.Info.Sha256, edition, ct) is { } stored)
            return new Result(ListRiskLists.From(stored, (await ScreeningLists.CurrentAsync(db, ct)).Any(l => l.Id == stored.Id)), Created: false, StatusCodes.Status200OK);
        if (await db.RiskLists.AnyAsync(l => l.Kind == kind && l.Name == name && l.Edition == edition && l.OwnerOrganizationId == owner, ct))
            return Fail(StatusCodes.Status409Conflict, "edition", "edition_exists", $"Edition '{edition}' of '{name}' is already stored from another file; editions are immutable, so give the new file a new edition.");
        if (owner is not null && await db.RiskLists.AnyAsync(l => l.Kind == kind && l.Name == name && l.OwnerOrganizationId == null, ct))
            return Fail(StatusCodes.Status409Conflict, "name", "platform_name", $"'{name}' is the name of a platform list; name your own list differently.");

        if (platform) db.Tenant.AllowPlatformWrites();
        var list = await RiskListStore.AddAsync(db, owner, parsed, request.FileName, actor, clock.GetUtcNow().UtcDateTime, ct);
        if (platform) await RescreenJob.TriggerForNewEditionAsync(schedulers, ct);
        else
        {
            await ScreeningQueue.EnqueueAsync(db, ScreeningTrigger.NewListEdition, actor, clock.GetUtcNow().UtcDateTime, ct);
            signal.Notify();
        }
        var current = (await ScreeningLists.CurrentAsync(db, ct)).Any(l => l.Id == list.Id);
        return new Result(ListRiskLists.From(list, current), Created: true);
    }

    public static void Map(RouteGroupBuilder api, IConfiguration configuration)
    {
        var max = configuration.GetValue($"{ScreeningOptions.Section}:MaxListBytes", DefaultMaxBytes);
        api.MapPost("/risk-lists", async (HttpRequest http, ComplianceDbContext db, ISchedulerFactory schedulers, ScreeningSignal signal, TimeProvider clock, CancellationToken ct) =>
            {
                if (http.ContentLength > max + 64 * 1024)
                    return Problems.Rule(StatusCodes.Status413PayloadTooLarge, "file", "too_large", $"A list file may have at most {max:N0} bytes.");
                if (!http.HasFormContentType)
                    return Problems.Rule(StatusCodes.Status400BadRequest, "body", "not_multipart", "Send multipart/form-data with the fields kind, name and edition, and the file.");
                var form = await http.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
                if (file is null || file.Length == 0)
                    return Problems.Rule(StatusCodes.Status400BadRequest, "file", "required", "The request has no file part, or the file is empty.");
                if (file.Length > max)
                    return Problems.Rule(StatusCodes.Status413PayloadTooLarge, "file", "too_large", $"A list file may have at most {max:N0} bytes.");
                var actor = ComplianceClaims.ActorOf(http.HttpContext.User) ?? "unknown";
                await using var content = file.OpenReadStream();
                var result = await HandleAsync(new Request(form["kind"], form["name"], form["edition"], form["source"], form["published"],
                        bool.TryParse(form["platform"], out var p) && p, Path.GetFileName(file.FileName), content),
                    actor, IsPlatformOperator(configuration, http.HttpContext.User), db, schedulers, signal, clock, ct);
                return result.ToHttp();
            })
            .RequireAuthorization(Policies.Admin)
            .DisableAntiforgery()
            .WithTags("Screening").WithName("ImportRiskList");
    }
}
