using Compliance.Domain.Attestations;
using Compliance.Domain.Common;
using Compliance.Web.Features.Audits;
using Compliance.Web.Features.Notifications;
using Compliance.Web.Infrastructure.Jobs;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Attestations;

/// <summary>
/// Daily: notices for certifications lapsing within 30 days or lapsed (the FAR certification and flow-down certifications are
/// annual, FAR 52.222-50(h)(5) and (i)(2)), and for supplier links that expired unsigned. Keyed, so each is raised once.
/// A certification already renewed (a newer signed one for the same contract or supplier and kind) raises nothing.
/// </summary>
public sealed class AttestationReminders : ITenantJob
{
    public const int DueSoonDays = 30;

    public static string Name => "attestation-reminders";

    public async Task RunForTenantAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = today.AddDays(DueSoonDays);
        var signed = await db.Attestations.AsNoTracking()
            .Where(a => a.ValidUntil != null && a.Status != AttestationStatus.Returned)
            .Select(a => new { a.Id, a.Kind, a.SupplierId, a.ContractId, a.ValidUntil, a.SignedAt })
            .ToListAsync(ct);
        // Only the latest signed certification per subject counts: an older one is superseded, not lapsing.
        var latest = signed.GroupBy(a => (a.Kind, a.SupplierId, a.ContractId)).Select(g => g.OrderByDescending(a => a.SignedAt).First())
            .Where(a => a.ValidUntil <= horizon).ToList();
        var expiredLinks = await db.Attestations.AsNoTracking()
            .Where(a => a.Status == AttestationStatus.Requested && a.LinkExpiresAt < now)
            .Select(a => new { a.Id, a.ContactName, a.LinkExpiresAt })
            .ToListAsync(ct);
        if (latest.Count == 0 && expiredLinks.Count == 0) return;

        var notices = latest.Select(a => a.ValidUntil < today
                ? new Notification { Key = $"attestation-lapsed:{a.Id}", Kind = "AttestationLapsed", CreatedAt = now, Message = $"{Words(a.Kind)} lapsed on {a.ValidUntil:yyyy-MM-dd}; ask for a new one.", Link = $"/Attestations/Details/{a.Id}" }
                : new Notification { Key = $"attestation-due:{a.Id}", Kind = "AttestationDueSoon", CreatedAt = now, Message = $"{Words(a.Kind)} lapses on {a.ValidUntil:yyyy-MM-dd}; renew it before then.", Link = $"/Attestations/Details/{a.Id}" })
            .Concat(expiredLinks.Select(a => new Notification
            {
                Key = $"attestation-link-expired:{a.Id}", Kind = "AttestationLinkExpired", CreatedAt = now,
                Message = $"The certification link sent to {a.ContactName} expired unsigned on {a.LinkExpiresAt:yyyy-MM-dd}.", Link = $"/Attestations/Details/{a.Id}",
            }))
            .ToList();
        await Notices.RaiseAsync(db, notices, ct);
    }

    private static string Words(AttestationKind kind) => kind switch
    {
        AttestationKind.FarCertification => "The FAR 52.222-56 certification",
        AttestationKind.FlowDown => "A subcontractor's flow-down certification",
        _ => "A supplier certification",
    };
}
