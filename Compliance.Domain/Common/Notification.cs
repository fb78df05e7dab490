namespace Compliance.Domain.Common;

/// <summary>
/// An in-app notice for the organization's users (an action falling due, a new screening hit). The key makes
/// raising it idempotent: a job that runs twice, or on two instances, raises each notice once.
/// </summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    /// <summary>Stable identity of what is being said, e.g. "cap-overdue:{actionId}".</summary>
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string Message { get; set; }
    /// <summary>Where in the app the user can act on it.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    [NotAudited] public DateTime? ReadAt { get; set; }
}
