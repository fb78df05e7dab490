using System.Security.Claims;
using Compliance.Web.Infrastructure.Identity;

namespace Compliance.Web.Infrastructure.Tenancy;

/// <summary>Thrown when tenant data is read or written and no organization is resolved: we fail closed.</summary>
public sealed class TenantNotResolvedException() : InvalidOperationException("No organization is resolved for this operation; tenant data cannot be read or written.");

/// <summary>Thrown when a save would write a row of another organization.</summary>
public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);

/// <summary>
/// The organization the current operation acts for: from the signed-in principal's verified organization claim,
/// or set explicitly by code that runs outside a request (sign-up, seeding, background jobs).
/// </summary>
public sealed class TenantContext(IHttpContextAccessor? http = null)
{
    private Guid? explicitOrganization;

    public Guid? OrganizationId => explicitOrganization ?? FromPrincipal(http?.HttpContext?.User);

    public Guid RequiredOrganizationId => OrganizationId ?? throw new TenantNotResolvedException();

    /// <summary>May add platform reference data (risk lists shared by all organizations): start-up seeding and configured platform operators only.</summary>
    public bool WritesPlatformData { get; private set; }

    /// <summary>Allows adding platform risk lists in this scope; see <see cref="WritesPlatformData"/>.</summary>
    public void AllowPlatformWrites() => WritesPlatformData = true;

    /// <summary>Acts for the given organization from now on, in this scope.</summary>
    public void Use(Guid organizationId) => explicitOrganization = organizationId;

    public static TenantContext For(Guid organizationId)
    {
        var tenant = new TenantContext();
        tenant.Use(organizationId);
        return tenant;
    }

    private static Guid? FromPrincipal(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ComplianceClaims.Organization), out var id) ? id : null;
}
