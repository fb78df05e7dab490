using Compliance.Domain.Audits;
using Compliance.Domain.Common;
using Compliance.Web.Features.Notifications;
using Compliance.Web.Infrastructure.Jobs;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>
/// Daily: in-app notices for corrective actions due within 7 days and for overdue ones. Each notice is raised once
/// per action and due date (a new due date gets a new notice), so the job can run again, or on several instances.
/// </summary>
public sealed class CorrectiveActionReminders : ITenantJob
{
    public const int DueSoonDays = 7;

    public static string Name => "corrective-action-reminders";

    public async Task RunForTenantAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var horizon = today.AddDays(DueSoonDays);
        CorrectiveActionStatus[] done = [CorrectiveActionStatus.Completed, CorrectiveActionStatus.Verified];
        var pending = await db.CorrectiveActions.AsNoTracking()
            .Where(a => !done.Contains(a.Status) && a.DueDate <= horizon)
            .Join(db.Suppliers, a => a.SupplierId, s => s.Id, (a, s) => new { a.Id, a.FindingId, a.Description, a.DueDate, Supplier = s.Name })
            .Join(db.Findings, x => x.FindingId, f => f.Id, (x, f) => new { x.Id, x.Description, x.DueDate, x.Supplier, f.AuditId })
            .ToListAsync(ct);
        if (pending.Count == 0) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var notices = pending.Select(a => a.DueDate < today
                ? new Notification
                {
                    Key = $"cap-overdue:{a.Id}:{a.DueDate:yyyyMMdd}", Kind = "CorrectiveActionOverdue", CreatedAt = now,
                    Message = $"Overdue since {a.DueDate:yyyy-MM-dd}: {Clip(a.Description)} ({a.Supplier})", Link = $"/Audits/Details/{a.AuditId}",
                }
                : new Notification
                {
                    Key = $"cap-due-soon:{a.Id}:{a.DueDate:yyyyMMdd}", Kind = "CorrectiveActionDueSoon", CreatedAt = now,
                    Message = $"Due {a.DueDate:yyyy-MM-dd}: {Clip(a.Description)} ({a.Supplier})", Link = $"/Audits/Details/{a.AuditId}",
                })
            .ToList();
        await Notices.RaiseAsync(db, notices, ct);
    }

    private static string Clip(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
