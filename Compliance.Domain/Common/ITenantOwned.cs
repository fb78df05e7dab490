namespace Compliance.Domain.Common;

/// <summary>
/// An entity that belongs to one organization (tenant). The persistence layer filters every query by it
/// and refuses to save a row whose organization is not the current one.
/// </summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; set; }
}
