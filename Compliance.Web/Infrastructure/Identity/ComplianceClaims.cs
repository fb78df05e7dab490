using System.Security.Claims;

namespace Compliance.Web.Infrastructure.Identity;

public static class ComplianceClaims
{
    /// <summary>The organization the principal acts in, verified against its memberships (or its API token).</summary>
    public const string Organization = "compliance:org";
    /// <summary>The organization a signed-in user chose (kept in the cookie; verified on every request).</summary>
    public const string SelectedOrganization = "compliance:selected-org";
    /// <summary>The agency a contracting officer reviews for.</summary>
    public const string Agency = "compliance:agency";
    /// <summary>"token:NAME" for API tokens; the audit trail's actor.</summary>
    public const string Actor = "compliance:actor";

    /// <summary>Who acts, as the audit trail and records name them: "token:NAME", the user's e-mail, or null when no one is signed in.</summary>
    public static string? ActorOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? user.FindFirstValue(Actor) ?? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name
            : null;
}
