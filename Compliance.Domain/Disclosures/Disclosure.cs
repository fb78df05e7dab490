using Compliance.Domain.Common;

namespace Compliance.Domain.Disclosures;

public enum DisclosureKind
{
    /// <summary>Cal. Civ. Code 1714.43.</summary>
    CaliforniaTisc,
    /// <summary>FAR 52.222-50 zero-tolerance disclosure for one federal contract.</summary>
    FarTrafficking,
}

public enum DisclosureStatus
{
    Draft,
    Issued,
    /// <summary>Issued, then replaced by a newer issued disclosure of the same kind (and contract).</summary>
    Superseded,
}

/// <summary>
/// A disclosure for a period. As a draft its figures follow the records and its wording can be edited; issuing freezes
/// statements, figures and the PDF (stored under its SHA-256) for good. A newer issued one supersedes it.
/// </summary>
public sealed class Disclosure : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public DisclosureKind Kind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public Guid? ContractId { get; set; }
    public DisclosureStatus Status { get; set; } = DisclosureStatus.Draft;
    /// <summary>The officer's wording per element (JSON: element → text); absent elements use the generated wording.</summary>
    public string? EditsJson { get; set; }
    /// <summary>Frozen when issued (JSON): the statements and figures exactly as the PDF states them.</summary>
    [NotAudited] public string? IssuedContentJson { get; set; }
    public string? PdfSha256 { get; set; }
    public long? PdfLength { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public Guid? SupersededById { get; set; }
    public DateTime? SupersededAt { get; set; }

    public bool IsFrozen => Status != DisclosureStatus.Draft;

    /// <summary>The only change an issued disclosure accepts: being superseded by a newer one.</summary>
    public static readonly string[] ChangeableWhenIssued = [nameof(Status), nameof(SupersededById), nameof(SupersededAt)];

    public static RuleViolations CheckPeriod(DateOnly? start, DateOnly? end)
    {
        var errors = new RuleViolations();
        if (start is null) errors.Add("periodStart", "required", "'periodStart' is required (yyyy-mm-dd).");
        if (end is null) errors.Add("periodEnd", "required", "'periodEnd' is required (yyyy-mm-dd).");
        if (start is { } s && end is { } e)
        {
            if (e < s) errors.Add("periodEnd", "before_start", "The period ends before it starts.");
            else if (e.DayNumber - s.DayNumber > 366 * 2) errors.Add("periodEnd", "too_long", "A disclosure covers at most two years.");
        }
        return errors;
    }
}
