using System.Security.Claims;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Shared;

/// <summary>What the page shell shows: who is signed in, in which organization, and the others they can switch to.</summary>
public sealed class LayoutModel(ComplianceDbContext db)
{
    public sealed record OrganizationChoice(Guid Id, string Name);

    public sealed record Shell(bool SignedIn, string? UserName, IReadOnlyList<string> Roles, Guid? CurrentOrganizationId, string? CurrentOrganizationName, IReadOnlyList<OrganizationChoice> Organizations, int UnreadNotifications = 0);

    public async Task<Shell> ForAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return new Shell(false, null, [], null, null, []);
        var current = Guid.TryParse(user.FindFirstValue(ComplianceClaims.Organization), out var id) ? id : (Guid?)null;
        var organizations = new List<OrganizationChoice>();
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && !userId.StartsWith("token:", StringComparison.Ordinal))
        {
            var ids = (await CrossTenant.MembershipsOfUserAsync(db, userId)).Select(m => m.OrganizationId).Distinct().ToList();
            organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name)
                .Select(o => new OrganizationChoice(o.Id, o.Name)).ToListAsync();
        }
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList();
        var unread = current is null ? 0 : await db.Notifications.CountAsync(n => n.ReadAt == null);
        return new Shell(true, user.Identity.Name, roles, current, organizations.FirstOrDefault(o => o.Id == current)?.Name, organizations, unread);
    }
}
