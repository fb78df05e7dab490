using System.Security.Claims;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Account;

/// <summary>Re-issues the cookie with the chosen organization; the membership is checked here and again on every request.</summary>
public sealed class SwitchOrganizationModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ComplianceDbContext db) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(Guid organizationId, string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var memberships = await CrossTenant.MembershipsOfUserAsync(db, user.Id, HttpContext.RequestAborted);
        if (!memberships.Any(m => m.OrganizationId == organizationId)) return NotFound();
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(ComplianceClaims.SelectedOrganization, organizationId.ToString())]);
        // Pages of one organization's records (e.g. /Suppliers/Details/…) make no sense in another: go to the area's list.
        var target = Url.IsLocalUrl(returnUrl) ? "/" + (returnUrl!.Trim('/').Split('/')[0]) : "/";
        return LocalRedirect(target);
    }
}
