namespace Compliance.Domain.Tenancy;

/// <summary>
/// A federal contracting officer: not a member of any organization. Bound to one agency, the officer
/// sees only the attestations that contractors submitted to that agency.
/// </summary>
public sealed class ContractingOfficer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string UserId { get; set; }
    public required string Agency { get; set; }
    public DateTime CreatedAt { get; set; }
}
