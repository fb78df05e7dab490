using Compliance.Domain.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace Compliance.Web.Infrastructure.Identity;

/// <summary>Every endpoint names one of these (or is explicitly anonymous); an architecture test checks it.</summary>
public static class Policies
{
    /// <summary>Any member of the current organization: reads tenant data.</summary>
    public const string Read = nameof(Read);
    /// <summary>Admin or ComplianceOfficer: changes tenant data.</summary>
    public const string Write = nameof(Write);
    /// <summary>Organization administrators: tokens, members, settings.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>The only role that reads grievance content and reporter identity.</summary>
    public const string GrievanceContent = nameof(GrievanceContent);
    /// <summary>A federal contracting officer reviewing attestations for an agency.</summary>
    public const string ContractingOfficer = nameof(ContractingOfficer);
    /// <summary>Any signed-in user, with or without an organization (choosing one, signing out).</summary>
    public const string SignedIn = nameof(SignedIn);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireClaim(ComplianceClaims.Organization)
            .RequireRole(nameof(Role.Admin), nameof(Role.ComplianceOfficer), nameof(Role.Auditor), nameof(Role.GrievanceHandler)));
        options.AddPolicy(Write, p => p.RequireClaim(ComplianceClaims.Organization)
            .RequireRole(nameof(Role.Admin), nameof(Role.ComplianceOfficer)));
        options.AddPolicy(Admin, p => p.RequireClaim(ComplianceClaims.Organization).RequireRole(nameof(Role.Admin)));
        options.AddPolicy(GrievanceContent, p => p.RequireClaim(ComplianceClaims.Organization).RequireRole(nameof(Role.GrievanceHandler)));
        options.AddPolicy(ContractingOfficer, p => p.RequireClaim(ComplianceClaims.Agency));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        // Safety net: an endpoint that forgot its policy still needs a signed-in user.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
