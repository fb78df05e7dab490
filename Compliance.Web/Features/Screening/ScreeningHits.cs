using Compliance.Domain.Common;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Screening;

/// <summary>
/// GET /api/v1/screening/hits (?status=open&amp;supplierId=&amp;history=true&amp;page=): the review queue, current hits by default;
/// GET /api/v1/screening/hits/{id}: one hit with its decision history and the rows it replaced.
/// </summary>
public static class ScreeningHits
{
    public sealed record Query(HitStatus? Status = null, Guid? SupplierId = null, bool History = false, int Page = 1, int PageSize = 50);

    public sealed record Row(Guid Id, Guid SupplierId, string SupplierName, string Kind, string List, string Edition, string? Good, string? EntityName,
        string? Country, bool ChildLabor, bool ForcedLabor, bool ForcedChildLabor, double Score, string MatchedOn, string MatchedText, string Rule,
        string Explanation, string Status, bool EntryChanged, string? DecidedBy, DateTime? DecidedAt, string? DecisionReason, DateTime FirstSeenAt,
        DateTime LastSeenAt, DateTime? ClearedAt, Guid? PreviousHitId);

    public sealed record Decision(string Status, string? Reason, string DecidedBy, DateTime DecidedAt, bool ForThisEntry);

    public sealed record Detail(Row Hit, IReadOnlyList<Decision> Decisions, IReadOnlyList<Row> Earlier);

    internal static Row Of(RecordedHit h, string supplier) => new(h.Id, h.SupplierId, supplier, h.Kind.ToString(), h.ListName, h.Edition, h.Good, h.EntityName,
        h.Country, h.ChildLabor, h.ForcedLabor, h.ForcedChildLabor, h.Score, h.MatchedOn, h.MatchedText, h.Rule, h.Explanation, h.Status.ToString(),
        h.EntryChanged, h.DecidedBy, h.DecidedAt, h.DecisionReason, h.FirstSeenAt, h.LastSeenAt, h.ClearedAt, h.PreviousHitId);

    public static async Task<Paged<Row>> ListAsync(Query query, ComplianceDbContext db, CancellationToken ct)
    {
        var hits = db.ScreeningHits.AsNoTracking();
        if (!query.History) hits = hits.Where(h => h.ClearedAt == null);
        if (query.Status is { } status) hits = hits.Where(h => h.Status == status);
        if (query.SupplierId is { } supplierId) hits = hits.Where(h => h.SupplierId == supplierId);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var total = await hits.CountAsync(ct);
        var rows = await hits.Join(db.Suppliers, h => h.SupplierId, s => s.Id, (h, s) => new { h, s.Name })
            .OrderByDescending(x => x.h.FirstSeenAt).ThenBy(x => x.Name).ThenBy(x => x.h.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<Row>([.. rows.Select(x => Of(x.h, x.Name))], page, size, total);
    }

    public static async Task<Outcome<Detail>> GetAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var hit = await db.ScreeningHits.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hit is null) return Outcome<Detail>.NotFound();
        var supplier = await db.Suppliers.Where(s => s.Id == hit.SupplierId).Select(s => s.Name).FirstAsync(ct);
        var decisions = await db.ScreeningDecisions.AsNoTracking().Where(d => d.SupplierId == hit.SupplierId && d.DecisionKey == hit.DecisionKey)
            .OrderByDescending(d => d.DecidedAt).ToListAsync(ct);
        var earlier = await db.ScreeningHits.AsNoTracking()
            .Where(h => h.SupplierId == hit.SupplierId && h.DecisionKey == hit.DecisionKey && h.Id != hit.Id).OrderByDescending(h => h.FirstSeenAt).ToListAsync(ct);
        return new Detail(Of(hit, supplier),
            [.. decisions.Select(d => new Decision(d.Status.ToString(), d.Reason, d.DecidedBy, d.DecidedAt, d.EntryFingerprint == hit.EntryFingerprint))],
            [.. earlier.Select(h => Of(h, supplier))]);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/screening/hits", async (string? status, Guid? supplierId, bool? history, int? page, int? pageSize, ComplianceDbContext db, CancellationToken ct) =>
            {
                HitStatus? parsed = null;
                if (!string.IsNullOrEmpty(status))
                {
                    if (!Enum.TryParse<HitStatus>(status.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), true, out var s) || int.TryParse(status, out _))
                        return Problems.Rule(StatusCodes.Status400BadRequest, "status", "unknown_status", "'status' must be open, confirmed, false-positive or mitigated.");
                    parsed = s;
                }
                return TypedResults.Ok(await ListAsync(new Query(parsed, supplierId, history ?? false, page ?? 1, pageSize ?? 50), db, ct));
            })
            .RequireAuthorization(Policies.Read).WithTags("Screening").WithName("ListScreeningHits");
        api.MapGet("/screening/hits/{id:guid}", async (Guid id, ComplianceDbContext db, CancellationToken ct) => (await GetAsync(id, db, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Screening").WithName("GetScreeningHit");
    }
}

/// <summary>
/// POST /api/v1/screening/hits/{id}/decision {status, reason}: a reviewer marks a current hit confirmed, false positive
/// (a reason is required: the next reviewer, or an auditor, must see why it was dismissed) or mitigated, or opens it
/// again. The decision is remembered for the same supplier field and list entry; re-screens keep it until the entry changes.
/// </summary>
public static class DecideHit
{
    public sealed record Request(string? Status, string? Reason);

    public static async Task<Outcome<ScreeningHits.Row>> HandleAsync(Guid id, Request request, string actor, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var hit = await db.ScreeningHits.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hit is null) return Outcome<ScreeningHits.Row>.NotFound();
        var errors = new RuleViolations();
        var text = request.Status?.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!Enum.TryParse<HitStatus>(text, true, out var status) || int.TryParse(text, out _))
            errors.Add("status", "unknown_status", "'status' must be confirmed, false-positive, mitigated or open.");
        var reason = request.Reason?.Trim();
        if (status == HitStatus.FalsePositive && string.IsNullOrEmpty(reason))
            errors.Add("reason", "reason_required", "A false positive needs a reason (for example: different company, other city, no trade in that good).");
        if (reason?.Length > 2000) errors.Add("reason", "too_long", "'reason' may have at most 2000 characters.");
        if (errors.Count > 0) return Outcome<ScreeningHits.Row>.Invalid(errors);
        if (hit.ClearedAt is not null)
            return Outcome<ScreeningHits.Row>.Conflict("id", "hit_cleared", "This hit is history: the latest screening no longer finds it, or found a changed list entry. Decide on the current hit.");

        var now = clock.GetUtcNow().UtcDateTime;
        db.ScreeningDecisions.Add(new ScreeningDecision
        {
            HitId = hit.Id, SupplierId = hit.SupplierId, DecisionKey = hit.DecisionKey, EntryFingerprint = hit.EntryFingerprint, Status = status,
            Reason = string.IsNullOrEmpty(reason) ? null : reason, DecidedBy = actor, DecidedAt = now,
        });
        hit.Status = status;
        hit.DecidedBy = actor;
        hit.DecidedAt = now;
        hit.DecisionReason = string.IsNullOrEmpty(reason) ? null : reason;
        hit.EntryChanged = false;
        await db.SaveChangesAsync(ct);
        var supplier = await db.Suppliers.Where(s => s.Id == hit.SupplierId).Select(s => s.Name).FirstAsync(ct);
        return ScreeningHits.Of(hit, supplier);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/screening/hits/{id:guid}/decision", async (Guid id, Request request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Screening").WithName("DecideScreeningHit");
}
