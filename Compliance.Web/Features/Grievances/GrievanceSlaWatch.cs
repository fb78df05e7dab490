using Compliance.Domain.Common;
using Compliance.Domain.Grievances;
using Compliance.Web.Features.Audits;
using Compliance.Web.Features.Notifications;
using Compliance.Web.Infrastructure.Jobs;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>
/// Hourly: flags grievances whose acknowledgement or outcome deadline passed unmet (the flag stays, as a record), and
/// raises one notice per breach and per retaliation follow-up that falls due. Notices name the category and dates,
/// never what the reporter wrote, because every member reads notices.
/// </summary>
public sealed class GrievanceSlaWatch : ITenantJob
{
    public static string Name => "grievance-sla-watch";

    public async Task RunForTenantAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var late = await db.Grievances
            .Where(g => (g.AcknowledgeBreachedAt == null && g.AcknowledgedAt == null && g.AcknowledgeBy < today)
                        || (g.OutcomeBreachedAt == null && g.OutcomeAt == null && g.OutcomeBy < today))
            .ToListAsync(ct);
        var notices = new List<Notification>();
        foreach (var g in late)
        {
            if (g.AcknowledgeBreachedAt is null && g.AcknowledgedAt is null && g.AcknowledgeBy < today)
            {
                g.AcknowledgeBreachedAt = now;
                notices.Add(Notice(g, "acknowledge", $"Not acknowledged by {g.AcknowledgeBy:yyyy-MM-dd}: grievance received {g.ReceivedAt:yyyy-MM-dd} ({GrievanceCategories.Words(g.Category)})", now));
            }
            if (g.OutcomeBreachedAt is null && g.OutcomeAt is null && g.OutcomeBy < today)
            {
                g.OutcomeBreachedAt = now;
                notices.Add(Notice(g, "outcome", $"No outcome by {g.OutcomeBy:yyyy-MM-dd}: grievance received {g.ReceivedAt:yyyy-MM-dd} ({GrievanceCategories.Words(g.Category)})", now));
            }
        }
        if (late.Count > 0) await db.SaveChangesAsync(ct);

        var followUps = await db.Grievances.AsNoTracking()
            .Where(g => g.RetaliationWatch && g.ClosedAt == null && g.RetaliationFollowUpOn <= today)
            .Select(g => new { g.Id, g.RetaliationFollowUpOn, g.ReceivedAt })
            .ToListAsync(ct);
        notices.AddRange(followUps.Select(g => new Notification
        {
            Key = $"grievance-retaliation:{g.Id}:{g.RetaliationFollowUpOn:yyyyMMdd}", Kind = "GrievanceRetaliationFollowUp", CreatedAt = now,
            Message = $"Retaliation follow-up due {g.RetaliationFollowUpOn:yyyy-MM-dd}: grievance received {g.ReceivedAt:yyyy-MM-dd}",
            Link = $"/Grievances/Details/{g.Id}",
        }));
        if (notices.Count > 0) await Notices.RaiseAsync(db, notices, ct);
    }

    private static Notification Notice(Grievance g, string deadline, string message, DateTime now) => new()
    {
        Key = $"grievance-sla-{deadline}:{g.Id}", Kind = "GrievanceSlaBreached", CreatedAt = now, Message = message, Link = $"/Grievances/Details/{g.Id}",
    };
}
