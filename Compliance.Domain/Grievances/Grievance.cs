using Compliance.Domain.Common;

namespace Compliance.Domain.Grievances;

public enum GrievanceStatus
{
    Received,
    Acknowledged,
    Investigating,
    Substantiated,
    Unsubstantiated,
    Remediated,
    Closed,
}

/// <summary>How the grievance reached the organization.</summary>
public enum GrievanceChannel
{
    /// <summary>The public form or its API, by the worker.</summary>
    WebForm,
    /// <summary>Recorded by a handler from a call to a hotline.</summary>
    Hotline,
    /// <summary>Recorded by a handler from a conversation, e.g. during an audit or a worker committee meeting.</summary>
    InPerson,
    Email,
    Letter,
}

/// <summary>
/// A worker's report. Everything the reporter wrote (description, workplace, contact details, messages) is stored
/// encrypted and is readable only by the GrievanceHandler role; the rest (category, status, dates) is what others
/// see. No network address or browser detail of the reporter is kept, anywhere.
/// </summary>
public sealed class Grievance : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    /// <summary>What the reporter quotes to follow up; half of their credential (the passphrase is the other half).</summary>
    public required string ReceiptCode { get; set; }
    /// <summary>SHA-256 of the passphrase. The passphrase is random and long, so a plain hash suffices (as for API tokens).</summary>
    [NotAudited] public required string PassphraseHash { get; set; }
    public GrievanceChannel Channel { get; set; }
    /// <summary>The language the reporter used (BCP 47: en, es, zh-Hans, hi, vi…); replies should use it.</summary>
    public required string Language { get; set; }
    public GrievanceCategory Category { get; set; }
    [NotAudited] public required string DescriptionProtected { get; set; }
    /// <summary>The supplier or workplace as the reporter named it, encrypted: it can identify the reporter.</summary>
    [NotAudited] public string? WorkplaceProtected { get; set; }
    /// <summary>Optional contact details; null means the reporter stays anonymous.</summary>
    [NotAudited] public string? ContactProtected { get; set; }
    public bool ReporterGaveContact { get; set; }

    /// <summary>The supplier the handler linked after triage.</summary>
    public Guid? SupplierId { get; set; }
    public string? AssignedTo { get; set; }
    public GrievanceStatus Status { get; set; } = GrievanceStatus.Received;

    public DateTime ReceivedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    /// <summary>When an outcome (substantiated or unsubstantiated) was reached.</summary>
    public DateTime? OutcomeAt { get; set; }

    public SlaStanding SlaOn(DateOnly today) => SlaStanding.Of(ReceivedAt, AcknowledgedAt, OutcomeAt, AcknowledgeBy, OutcomeBy, today);
    public DateTime? ClosedAt { get; set; }
    /// <summary>The investigation's finding: true substantiated, false unsubstantiated, null none (yet).</summary>
    public bool? Substantiated { get; set; }
    /// <summary>SLA deadlines, fixed at intake from the organization's settings so later changes do not move them.</summary>
    public DateOnly AcknowledgeBy { get; set; }
    public DateOnly OutcomeBy { get; set; }
    /// <summary>Set by the SLA watch job the first time a deadline passes unmet (the breach flag).</summary>
    public DateTime? AcknowledgeBreachedAt { get; set; }
    public DateTime? OutcomeBreachedAt { get; set; }

    /// <summary>The reporter fears or suffered retaliation: follow up on this date. FAR 52.222-50(h)(3)(ii).</summary>
    public bool RetaliationWatch { get; set; }
    public DateOnly? RetaliationFollowUpOn { get; set; }

    /// <summary>Marked as credible information for a FAR 52.222-50(d) disclosure to the contracting officer and the IG.</summary>
    public bool CredibleInformation { get; set; }
    public string? ClosingNote { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<GrievanceMessage> Messages { get; set; } = [];

    /// <summary>Moves the case to <paramref name="to"/> if the flow allows it; the violations say why not.</summary>
    public RuleViolations MoveTo(GrievanceStatus to, string? note, DateTime now)
    {
        var errors = GrievanceFlow.Check(Status, to, note);
        if (errors.Count > 0) return errors;
        switch (to)
        {
            case GrievanceStatus.Acknowledged:
                AcknowledgedAt ??= now;
                break;
            case GrievanceStatus.Substantiated or GrievanceStatus.Unsubstantiated:
                AcknowledgedAt ??= now;
                OutcomeAt = now;
                Substantiated = to == GrievanceStatus.Substantiated;
                break;
            case GrievanceStatus.Closed:
                AcknowledgedAt ??= now;
                OutcomeAt ??= now; // closed without a finding (duplicate, withdrawn): the case still has its answer
                ClosedAt = now;
                ClosingNote = note?.Trim();
                break;
            case GrievanceStatus.Investigating when Status is GrievanceStatus.Closed or GrievanceStatus.Unsubstantiated:
                // Reopened: the earlier outcome no longer stands.
                OutcomeAt = null;
                ClosedAt = null;
                Substantiated = null;
                break;
        }
        if (to is GrievanceStatus.Investigating) AcknowledgedAt ??= now;
        Status = to;
        UpdatedAt = now;
        return errors;
    }
}

public enum MessageAuthor
{
    Reporter,
    Handler,
}

/// <summary>A message between the reporter and the case handler, or a handler's internal note (never shown to the reporter).</summary>
public sealed class GrievanceMessage : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid GrievanceId { get; set; }
    public MessageAuthor Author { get; set; }
    /// <summary>The handler who wrote it; null for the reporter, who stays anonymous.</summary>
    public string? HandlerName { get; set; }
    public bool Internal { get; set; }
    [NotAudited] public required string BodyProtected { get; set; }
    public DateTime SentAt { get; set; }
}
