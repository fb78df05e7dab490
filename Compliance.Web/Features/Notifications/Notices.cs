using Compliance.Domain.Common;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notifications;

/// <summary>In-app notices: GET /api/v1/notifications, POST /api/v1/notifications/{id}/read; and raising them idempotently.</summary>
public static class Notices
{
    public sealed record Row(Guid Id, string Kind, string Message, string? Link, DateTime CreatedAt, DateTime? ReadAt);

    public sealed record Page(IReadOnlyList<Row> Items, int Unread);

    /// <summary>Adds the notices whose key is new; a notice raised before (or concurrently, by another instance) is skipped.</summary>
    public static async Task<int> RaiseAsync(ComplianceDbContext db, IReadOnlyCollection<Notification> notices, CancellationToken ct)
    {
        var keys = notices.Select(n => n.Key).ToList();
        var existing = (await db.Notifications.Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var notice in notices.Where(n => !existing.Contains(n.Key)).DistinctBy(n => n.Key))
        {
            db.Notifications.Add(notice);
            try
            {
                await db.SaveChangesAsync(ct);
                added++;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                db.Entry(notice).State = EntityState.Detached; // another instance raised it first
            }
        }
        return added;
    }

    public static async Task<Page> ListAsync(bool unreadOnly, ComplianceDbContext db, CancellationToken ct)
    {
        var notices = db.Notifications.AsNoTracking();
        if (unreadOnly) notices = notices.Where(n => n.ReadAt == null);
        var items = await notices.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Key).Take(200)
            .Select(n => new Row(n.Id, n.Kind, n.Message, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return new Page(items, await db.Notifications.CountAsync(n => n.ReadAt == null, ct));
    }

    public static async Task<bool> MarkReadAsync(Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.Notifications.Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct) > 0
        || await db.Notifications.AnyAsync(n => n.Id == id, ct);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (bool? unread, ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(unread ?? false, db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Notifications").WithName("ListNotifications");
        api.MapPost("/notifications/{id:guid}/read", async (Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                await MarkReadAsync(id, db, clock, ct) ? Results.NoContent() : Infrastructure.Http.Problems.NotFound())
            .RequireAuthorization(Policies.Read).WithTags("Notifications").WithName("MarkNotificationRead");
    }
}
