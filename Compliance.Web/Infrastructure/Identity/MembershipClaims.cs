using System.Security.Claims;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Compliance.Web.Infrastructure.Identity;

/// <summary>
/// For a cookie-signed-in user, resolves the organization and roles from the database on every request, so a
/// removed membership takes effect at once. The cookie only says which organization the user last chose.
/// </summary>
public sealed class MembershipClaims(ComplianceDbContext db) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true, AuthenticationType: var type }
            || type != IdentityConstants.ApplicationScheme
            || principal.HasClaim(c => c.Type == ComplianceClaims.Organization || c.Type == ComplianceClaims.Agency))
            return principal;

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return principal;

        var memberships = await CrossTenant.MembershipsOfUserAsync(db, userId);
        var added = new ClaimsIdentity();
        if (memberships.Count > 0)
        {
            var selected = Guid.TryParse(principal.FindFirstValue(ComplianceClaims.SelectedOrganization), out var s)
                && memberships.Any(m => m.OrganizationId == s) ? s : memberships[0].OrganizationId;
            added.AddClaim(new Claim(ComplianceClaims.Organization, selected.ToString()));
            foreach (var m in memberships.Where(m => m.OrganizationId == selected))
                added.AddClaim(new Claim(ClaimTypes.Role, m.Role.ToString()));
        }
        var agency = await CrossTenant.AgencyOfContractingOfficerAsync(db, userId);
        if (agency is not null) added.AddClaim(new Claim(ComplianceClaims.Agency, agency));

        if (!added.Claims.Any()) return principal;
        var result = principal.Clone();
        result.AddIdentity(added);
        return result;
    }
}
