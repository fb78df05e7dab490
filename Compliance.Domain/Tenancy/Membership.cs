using Compliance.Domain.Common;

namespace Compliance.Domain.Tenancy;

/// <summary>A user's role in an organization (user × organization × role).</summary>
public sealed class Membership : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string UserId { get; set; }
    public Role Role { get; set; }
    public DateTime CreatedAt { get; set; }
}
