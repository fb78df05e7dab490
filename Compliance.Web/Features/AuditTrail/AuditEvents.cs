using Compliance.Domain.Common;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.AuditTrail;

/// <summary>The organization's audit trail: list events, and verify the hash chain.</summary>
public static class AuditEvents
{
    public sealed record Query(string? EntityType = null, string? EntityId = null, int Page = 1, int PageSize = 50);

    public sealed record Row(Guid Id, long Sequence, DateTime OccurredAt, string Actor, AuditAction Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

    public static async Task<Paged<Row>> ListAsync(Query query, ComplianceDbContext db, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var pageNumber = Math.Max(1, query.Page);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType)) events = events.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) events = events.Where(e => e.EntityId == query.EntityId);
        var total = await events.CountAsync(ct);
        var rows = await events.OrderByDescending(e => e.Sequence)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(e => new Row(e.Id, e.Sequence, e.OccurredAt, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash))
            .ToListAsync(ct);
        return new Paged<Row>(rows, pageNumber, pageSize, total);
    }

    /// <summary>Recomputes the chain from the first event, streaming, and reports the first broken link.</summary>
    public static async Task<ChainVerification> VerifyAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var verifier = new AuditChainVerifier();
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            if (!verifier.Check(e)) break;
        return verifier.Result;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit-events", async (string? entityType, string? entityId, int? page, int? pageSize, ComplianceDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(new Query(entityType, entityId, page ?? 1, pageSize ?? 50), db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Audit trail").WithName("ListAuditEvents");

        api.MapGet("/audit-events/verify", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await VerifyAsync(db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Audit trail").WithName("VerifyAuditChain");
    }
}
