using Compliance.Domain.Common;

namespace Compliance.Domain.Audits;

public enum AuditScheme
{
    Smeta,
    AmforiBsci,
    RbaVap,
    Sa8000,
    Internal,
    Other,
}

public enum AuditType
{
    Initial,
    FollowUp,
    Closure,
}

/// <summary>
/// Whether the supplier knew the date. Cal. Civ. Code 1714.43(c)(2) asks whether audits were independent and
/// unannounced, so the disclosure counts these.
/// </summary>
public enum AuditAnnouncement
{
    Announced,
    SemiAnnounced,
    Unannounced,
}

/// <summary>A social audit of one supplier's site.</summary>
public sealed class Audit : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid SupplierId { get; set; }
    public AuditScheme Scheme { get; set; }
    public AuditType Type { get; set; }
    public AuditAnnouncement Announcement { get; set; }
    /// <summary>Carried out by an independent third party (not the organization's own staff).</summary>
    public bool IsIndependent { get; set; }
    public string? AuditFirm { get; set; }
    public string? LeadAuditor { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public int? WorkersInterviewed { get; set; }
    /// <summary>The scheme's own rating or grade, as the report gives it (e.g. "B", "78/100").</summary>
    public string? Rating { get; set; }
    public string? Summary { get; set; }
    public List<Finding> Findings { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
