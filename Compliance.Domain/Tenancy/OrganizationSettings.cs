using Compliance.Domain.Audits;
using Compliance.Domain.Common;
using Compliance.Domain.Grievances;

namespace Compliance.Domain.Tenancy;

/// <summary>An organization's own policies. One row per organization, created on first change; until then the defaults apply.</summary>
public sealed class OrganizationSettings : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    /// <summary>Days a supplier has to correct a finding, by severity.</summary>
    public CorrectiveActionPolicy CorrectiveActionPolicy { get; set; } = CorrectiveActionPolicy.Default;
    /// <summary>Grievance deadlines; null until the organization sets its own (then <see cref="GrievanceSlaPolicy.Default"/> applies).</summary>
    public int? GrievanceAcknowledgeDays { get; set; }
    public int? GrievanceOutcomeDays { get; set; }
    public DateTime UpdatedAt { get; set; }

    public GrievanceSlaPolicy GrievanceSla => new(
        GrievanceAcknowledgeDays ?? GrievanceSlaPolicy.Default.AcknowledgeDays, GrievanceOutcomeDays ?? GrievanceSlaPolicy.Default.OutcomeDays);
}
