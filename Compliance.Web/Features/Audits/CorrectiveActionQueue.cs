using Compliance.Domain.Audits;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>
/// GET /api/v1/corrective-actions (the work queue: open, overdue, by supplier) and
/// GET /api/v1/corrective-actions/ageing (open actions by age bucket and severity, the CAP ageing view).
/// </summary>
public static class CorrectiveActionQueue
{
    public sealed record Query(CorrectiveActionStatus? Status = null, bool? Overdue = null, bool OpenOnly = false, Guid? SupplierId = null, int Page = 1, int PageSize = 50);

    public sealed record Row(
        Guid Id, Guid FindingId, Guid AuditId, Guid SupplierId, string SupplierName, FindingSeverity Severity, string Finding,
        string Description, string Owner, DateOnly DueDate, CorrectiveActionStatus Status, bool Overdue, int DaysOpen);

    public sealed record AgeingCell(string Bucket, FindingSeverity Severity, int Count);

    public sealed record Ageing(IReadOnlyList<string> Buckets, IReadOnlyList<AgeingCell> Cells, int Open, int Overdue);

    private static readonly CorrectiveActionStatus[] Done = [CorrectiveActionStatus.Completed, CorrectiveActionStatus.Verified];

    public static async Task<Paged<Row>> ListAsync(Query query, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var pageNumber = Math.Max(1, query.Page);
        var actions = Matching(query, db, today);
        var total = await actions.CountAsync(ct);
        var rows = await Joined(actions.Skip((pageNumber - 1) * pageSize).Take(pageSize), db).ToListAsync(ct);
        return new Paged<Row>([.. rows.Select(r => r.ToRow(today))], pageNumber, pageSize, total);
    }

    /// <summary>Every action the query selects, in due-date order, read as it streams (the list page's CSV).</summary>
    public static IEnumerable<Row> All(Query query, ComplianceDbContext db, TimeProvider clock)
    {
        var today = Today.Of(clock);
        return Joined(Matching(query, db, today), db).AsEnumerable().Select(r => r.ToRow(today));
    }

    private static IQueryable<CorrectiveAction> Matching(Query query, ComplianceDbContext db, DateOnly today)
    {
        var actions = db.CorrectiveActions.AsNoTracking();
        if (query.Status is { } status) actions = actions.Where(a => a.Status == status);
        if (query.OpenOnly) actions = actions.Where(a => !Done.Contains(a.Status));
        // Overdue: past due and not done (CorrectiveAction.IsOverdue), in SQL.
        if (query.Overdue == true) actions = actions.Where(a => !Done.Contains(a.Status) && a.DueDate < today);
        if (query.Overdue == false) actions = actions.Where(a => Done.Contains(a.Status) || a.DueDate >= today);
        if (query.SupplierId is { } supplierId) actions = actions.Where(a => a.SupplierId == supplierId);
        return actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id);
    }

    private static IQueryable<Joint> Joined(IQueryable<CorrectiveAction> actions, ComplianceDbContext db) =>
        actions
            .Join(db.Findings, a => a.FindingId, f => f.Id, (a, f) => new { a, f })
            .Join(db.Suppliers, x => x.a.SupplierId, s => s.Id, (x, s) => new Joint(x.a, x.f, s.Name));

    private sealed record Joint(CorrectiveAction Action, Finding Finding, string SupplierName)
    {
        public Row ToRow(DateOnly today) => new(
            Action.Id, Finding.Id, Finding.AuditId, Action.SupplierId, SupplierName, Finding.Severity, Finding.Description, Action.Description, Action.Owner,
            Action.DueDate, Action.Status, Action.IsOverdueOn(today), today.DayNumber - DateOnly.FromDateTime(Action.CreatedAt).DayNumber);
    }

    public static async Task<Ageing> AgeingAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var open = await db.CorrectiveActions.AsNoTracking()
            .Where(a => !Done.Contains(a.Status))
            .Join(db.Findings, a => a.FindingId, f => f.Id, (a, f) => new { a.CreatedAt, a.DueDate, a.Status, f.Severity })
            .ToListAsync(ct);
        var cells = open
            .GroupBy(a => (Bucket: CapAgeing.BucketOf(DateOnly.FromDateTime(a.CreatedAt), today), a.Severity))
            .Select(g => new AgeingCell(g.Key.Bucket, g.Key.Severity, g.Count()))
            .OrderBy(c => Array.FindIndex(CapAgeing.Buckets, b => b.Label == c.Bucket)).ThenBy(c => c.Severity)
            .ToList();
        return new Ageing([.. CapAgeing.Buckets.Select(b => b.Label)], cells, open.Count,
            open.Count(a => CorrectiveAction.IsOverdue(a.Status, a.DueDate, today)));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/corrective-actions", async (CorrectiveActionStatus? status, bool? overdue, bool? open, Guid? supplierId, int? page, int? pageSize, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(new Query(status, overdue, open ?? false, supplierId, page ?? 1, pageSize ?? 50), db, clock, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Audits").WithName("ListCorrectiveActions");
        api.MapGet("/corrective-actions/ageing", async (ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await AgeingAsync(db, clock, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Audits").WithName("CorrectiveActionAgeing");
    }
}
