using Compliance.Domain.Grievances;
using Compliance.Domain.Tenancy;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Compliance.Web.Features.Grievances;

/// <summary>
/// GET /api/v1/grievances and /api/v1/grievances/{id}. Every member sees the case file's outside: category, status,
/// channel, dates, age, deadlines, linked supplier. Only a GrievanceHandler sees what the reporter wrote, the messages,
/// the notes and who handles it.
/// </summary>
public static class GrievanceCases
{
    public sealed record Query(GrievanceStatus? Status = null, GrievanceCategory? Category = null, Guid? SupplierId = null, bool? Open = null,
        bool? Breached = null, int Page = 1, int PageSize = 50);

    /// <summary>What every member may see of a case.</summary>
    public sealed record Summary(Guid Id, GrievanceCategory Category, string CategoryWords, GrievanceStatus Status, GrievanceChannel Channel, string Language,
        DateTime ReceivedAt, DateTime? AcknowledgedAt, DateTime? OutcomeAt, DateTime? ClosedAt, DateOnly AcknowledgeBy, DateOnly OutcomeBy,
        int AgeDays, SlaState Sla, bool AcknowledgeBreached, bool OutcomeBreached, Guid? SupplierId, string? SupplierName);

    public sealed record Message(Guid Id, MessageAuthor Author, string? HandlerName, bool Internal, string Body, DateTime SentAt);

    /// <summary>The whole case file, for GrievanceHandler only.</summary>
    public sealed record Content(string ReceiptCode, string Description, string? Workplace, string? Contact, string? AssignedTo,
        bool RetaliationWatch, DateOnly? RetaliationFollowUpOn, bool CredibleInformation, string? ClosingNote,
        IReadOnlyList<GrievanceStatus> NextStatuses, IReadOnlyList<Message> Messages);

    /// <summary>A case as the API returns it: <see cref="Content"/> is null for anyone but a GrievanceHandler.</summary>
    public sealed record Case(Summary Summary, Content? Content);

    public sealed record Figures(int Total, int Open, int Breached, int RetaliationWatch, IReadOnlyDictionary<GrievanceStatus, int> ByStatus,
        IReadOnlyDictionary<GrievanceCategory, int> ByCategory);

    public sealed record ListResult(Paged<Summary> Page, Figures Figures);

    public static bool MayReadContent(ClaimsPrincipal user) => user.IsInRole(nameof(Role.GrievanceHandler));

    public static async Task<ListResult> ListAsync(Query query, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var pageNumber = Math.Max(1, query.Page);
        var cases = Matching(query, db, today);
        var total = await cases.CountAsync(ct);
        var rows = await SummariesOf(cases.Skip((pageNumber - 1) * pageSize).Take(pageSize), db).ToListAsync(ct);
        return new ListResult(new Paged<Summary>([.. rows.Select(r => r.On(today))], pageNumber, pageSize, total), await FiguresAsync(db, today, ct));
    }

    public static async Task<Outcome<Case>> GetAsync(Guid id, bool withContent, ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var row = await SummariesOf(db.Grievances.AsNoTracking().Where(g => g.Id == id), db).FirstOrDefaultAsync(ct);
        if (row is null) return Outcome<Case>.NotFound();
        var summary = row.On(Today.Of(clock));
        if (!withContent) return new Case(summary, null);
        var grievance = await db.Grievances.AsNoTracking().FirstAsync(g => g.Id == id, ct);

        var organizationId = db.Tenant.RequiredOrganizationId;
        var messages = await db.GrievanceMessages.AsNoTracking().Where(m => m.GrievanceId == id).OrderBy(m => m.SentAt).ToListAsync(ct);
        return new Case(summary, new Content(grievance.ReceiptCode,
            protector.Unprotect(organizationId, grievance.DescriptionProtected),
            protector.UnprotectOrNull(organizationId, grievance.WorkplaceProtected),
            protector.UnprotectOrNull(organizationId, grievance.ContactProtected),
            grievance.AssignedTo, grievance.RetaliationWatch, grievance.RetaliationFollowUpOn, grievance.CredibleInformation, grievance.ClosingNote,
            GrievanceFlow.NextFrom(grievance.Status),
            [.. messages.Select(m => new Message(m.Id, m.Author, m.HandlerName, m.Internal, protector.Unprotect(organizationId, m.BodyProtected), m.SentAt))]));
    }

    public static IQueryable<Grievance> Matching(Query query, ComplianceDbContext db, DateOnly today)
    {
        var cases = db.Grievances.AsNoTracking();
        if (query.Status is { } status) cases = cases.Where(g => g.Status == status);
        if (query.Category is { } category) cases = cases.Where(g => g.Category == category);
        if (query.SupplierId is { } supplierId) cases = cases.Where(g => g.SupplierId == supplierId);
        if (query.Open is { } open) cases = open ? cases.Where(g => g.ClosedAt == null) : cases.Where(g => g.ClosedAt != null);
        if (query.Breached is { } breached)
            cases = cases.Where(breached ? Breached(today) : Not(Breached(today)));
        return cases.OrderByDescending(g => g.ReceivedAt).ThenBy(g => g.Id);
    }

    /// <summary>Breached now or before (the flag the SLA watch job sets, or a deadline that passed since its last run).</summary>
    private static System.Linq.Expressions.Expression<Func<Grievance, bool>> Breached(DateOnly today) => g =>
        g.AcknowledgeBreachedAt != null || g.OutcomeBreachedAt != null || (g.AcknowledgedAt == null && g.AcknowledgeBy < today) || (g.OutcomeAt == null && g.OutcomeBy < today);

    private static System.Linq.Expressions.Expression<Func<Grievance, bool>> Not(System.Linq.Expressions.Expression<Func<Grievance, bool>> predicate) =>
        System.Linq.Expressions.Expression.Lambda<Func<Grievance, bool>>(System.Linq.Expressions.Expression.Not(predicate.Body), predicate.Parameters);

    private static async Task<Figures> FiguresAsync(ComplianceDbContext db, DateOnly today, CancellationToken ct)
    {
        var all = db.Grievances.AsNoTracking();
        var byStatus = await all.GroupBy(g => g.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var byCategory = await all.GroupBy(g => g.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new Figures(byStatus.Values.Sum(), await all.CountAsync(g => g.ClosedAt == null, ct), await all.CountAsync(Breached(today), ct),
            await all.CountAsync(g => g.RetaliationWatch && g.ClosedAt == null, ct), byStatus, byCategory);
    }

    private sealed record Row(Guid Id, GrievanceCategory Category, GrievanceStatus Status, GrievanceChannel Channel, string Language,
        DateTime ReceivedAt, DateTime? AcknowledgedAt, DateTime? OutcomeAt, DateTime? ClosedAt, DateOnly AcknowledgeBy, DateOnly OutcomeBy,
        Guid? SupplierId, string? SupplierName)
    {
        public Summary On(DateOnly today)
        {
            var sla = SlaStanding.Of(ReceivedAt, AcknowledgedAt, OutcomeAt, AcknowledgeBy, OutcomeBy, today);
            return new Summary(Id, Category, GrievanceCategories.Words(Category), Status, Channel, Language, ReceivedAt, AcknowledgedAt, OutcomeAt, ClosedAt,
                AcknowledgeBy, OutcomeBy, sla.AgeDays, sla.State, sla.AcknowledgeBreached, sla.OutcomeBreached, SupplierId, SupplierName);
        }
    }

    private static IQueryable<Row> SummariesOf(IQueryable<Grievance> cases, ComplianceDbContext db) =>
        from g in cases
        join s in db.Suppliers on g.SupplierId equals s.Id into linked
        from s in linked.DefaultIfEmpty()
        select new Row(g.Id, g.Category, g.Status, g.Channel, g.Language, g.ReceivedAt, g.AcknowledgedAt, g.OutcomeAt, g.ClosedAt,
            g.AcknowledgeBy, g.OutcomeBy, g.SupplierId, s == null ? null : s.Name);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/grievances", async (GrievanceStatus? status, GrievanceCategory? category, Guid? supplierId, bool? open, bool? breached, int? page, int? pageSize,
                ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(new Query(status, category, supplierId, open, breached, page ?? 1, pageSize ?? 50), db, clock, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Grievances").WithName("ListGrievances");

        api.MapGet("/grievances/{id:guid}", async (Guid id, HttpContext http, ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock, CancellationToken ct) =>
                (await GetAsync(id, MayReadContent(http.User), db, protector, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Grievances").WithName("GetGrievance");
    }
}
