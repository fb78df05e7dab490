namespace Compliance.Domain.Tenancy;

/// <summary>What a member may do in an organization. A user may hold several roles in one organization.</summary>
public enum Role
{
    Admin,
    ComplianceOfficer,
    /// <summary>Reads and exports; changes nothing.</summary>
    Auditor,
    /// <summary>The only role that reads grievance content and reporter identity.</summary>
    GrievanceHandler,
}
