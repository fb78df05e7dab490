using Compliance.Domain.Common;

namespace Compliance.Domain.Attestations;

/// <summary>
/// A US federal contract of the organization. Whether it needs a compliance plan and the FAR 52.222-56 certification
/// is decided at save from the outside-US portion and the threshold in force at award (FAR 52.222-50(h)(1)), and kept with its reason.
/// </summary>
public sealed class FederalContract : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Number { get; set; }
    public required string Agency { get; set; }
    /// <summary><see cref="Agencies.KeyOf"/> of <see cref="Agency"/>: what an officer's agency is matched on.</summary>
    public required string AgencyKey { get; set; }
    public required string ContractingOfficerEmail { get; set; }
    public decimal Value { get; set; }
    /// <summary>Estimated value of supplies (other than COTS) acquired outside the US or services performed outside the US.</summary>
    public decimal OutsideUsValue { get; set; }
    public DateOnly AwardDate { get; set; }
    public bool CompliancePlanRequired { get; set; }
    public decimal? ThresholdApplied { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Agency names are typed by people; they are matched on a normalized key (case and spacing ignored).</summary>
public static class Agencies
{
    public static string KeyOf(string agency) =>
        string.Join(' ', agency.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
