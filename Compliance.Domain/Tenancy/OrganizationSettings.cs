using Compliance.Domain.Audits;
using Compliance.Domain.Common;

namespace Compliance.Domain.Tenancy;

/// <summary>An organization's own policies. One row per organization, created on first change; until then the defaults apply.</summary>
public sealed class OrganizationSettings : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    /// <summary>Days a supplier has to correct a finding, by severity.</summary>
    public CorrectiveActionPolicy CorrectiveActionPolicy { get; set; } = CorrectiveActionPolicy.Default;
    public DateTime UpdatedAt { get; set; }
}
