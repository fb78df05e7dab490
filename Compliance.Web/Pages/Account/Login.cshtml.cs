using System.ComponentModel.DataAnnotations;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<AppUser> signIn, Compliance.Web.Infrastructure.Persistence.ComplianceDbContext db) : PageModel
{
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@company.com.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    /// <summary>A contracting officer who is no organization's member starts at the review queue; everyone else at the overview.</summary>
    private async Task<string> HomeOfAsync(string email)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null) return "/";
        var isOfficer = await Compliance.Web.Infrastructure.Tenancy.CrossTenant.AgencyOfContractingOfficerAsync(db, user.Id) is not null;
        return isOfficer && (await Compliance.Web.Infrastructure.Tenancy.CrossTenant.MembershipsOfUserAsync(db, user.Id)).Count == 0 ? "/Officer" : "/";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // Lockout after repeated failures (Identity's Lockout options: 5 attempts, 15 minutes).
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : await HomeOfAsync(Input.Email.Trim()));
        ModelState.AddModelError("", result.IsLockedOut
            ? "This account is locked after too many failed sign-ins. Try again in 15 minutes or ask an Admin."
            : "The e-mail address or password is not right.");
        return Page();
    }
}
