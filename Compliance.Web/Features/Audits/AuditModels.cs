using Compliance.Domain.Audits;

namespace Compliance.Web.Features.Audits;

/// <summary>The body of POST /api/v1/audits and PUT /api/v1/audits/{id}; everything optional so a missing field is a named rule violation.</summary>
public sealed record AuditRequest(
    Guid? SupplierId, AuditScheme? Scheme, AuditType? Type, AuditAnnouncement? Announcement, bool? IsIndependent,
    string? AuditFirm, string? LeadAuditor, DateOnly? StartDate, DateOnly? EndDate, int? WorkersInterviewed,
    string? Rating = null, string? Summary = null)
{
    public AuditDetails ToDetails() => new(Scheme, Type, Announcement, IsIndependent, AuditFirm, LeadAuditor, StartDate, EndDate, WorkersInterviewed, Rating, Summary);
}

public sealed record FindingRequest(IloIndicator? IloIndicator, FarProhibitedActivity? FarActivity, FindingSeverity? Severity, string? Description, DateOnly? RaisedOn = null)
{
    public FindingDetails ToDetails() => new(IloIndicator, FarActivity, Severity, Description, RaisedOn);
}

/// <summary>POST /api/v1/findings/{id}/actions. Without a due date, the organization's severity policy sets it.</summary>
public sealed record CorrectiveActionRequest(string? Description, string? Owner, DateOnly? DueDate = null)
{
    public CorrectiveActionDetails ToDetails() => new(Description, Owner, DueDate);
}

public sealed record CorrectiveActionResponse(
    Guid Id, Guid FindingId, Guid SupplierId, string Description, string Owner, DateOnly DueDate, CorrectiveActionStatus Status,
    bool Overdue, VerificationMethod? VerificationMethod, DateTime? CompletedAt, DateTime? VerifiedAt, string? VerifiedBy, string? DisputeReason,
    IReadOnlyList<CorrectiveActionStatus> NextStatuses, DateTime CreatedAt)
{
    public static CorrectiveActionResponse From(CorrectiveAction a, DateOnly today) => new(
        a.Id, a.FindingId, a.SupplierId, a.Description, a.Owner, a.DueDate, a.Status, a.IsOverdueOn(today), a.VerificationMethod,
        a.CompletedAt, a.VerifiedAt, a.VerifiedBy, a.DisputeReason, CorrectiveActionFlow.NextFrom(a.Status), a.CreatedAt);
}

public sealed record FindingResponse(
    Guid Id, Guid AuditId, Guid SupplierId, IloIndicator? IloIndicator, FarProhibitedActivity? FarActivity, FindingSeverity Severity,
    string Description, DateOnly RaisedOn, bool Open, IReadOnlyList<CorrectiveActionResponse> Actions)
{
    public static FindingResponse From(Finding f, DateOnly today) => new(
        f.Id, f.AuditId, f.SupplierId, f.IloIndicator, f.FarActivity, f.Severity, f.Description, f.RaisedOn, f.IsOpen,
        [.. f.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt).Select(a => CorrectiveActionResponse.From(a, today))]);
}

public sealed record AuditResponse(
    Guid Id, Guid SupplierId, string SupplierName, AuditScheme Scheme, AuditType Type, AuditAnnouncement Announcement, bool IsIndependent,
    string? AuditFirm, string? LeadAuditor, DateOnly StartDate, DateOnly EndDate, int? WorkersInterviewed, string? Rating, string? Summary,
    IReadOnlyList<FindingResponse> Findings, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AuditResponse From(Audit a, string supplierName, DateOnly today) => new(
        a.Id, a.SupplierId, supplierName, a.Scheme, a.Type, a.Announcement, a.IsIndependent, a.AuditFirm, a.LeadAuditor, a.StartDate, a.EndDate,
        a.WorkersInterviewed, a.Rating, a.Summary,
        [.. a.Findings.OrderBy(f => f.Severity).ThenBy(f => f.CreatedAt).Select(f => FindingResponse.From(f, today))],
        a.CreatedAt, a.UpdatedAt);
}

internal static class Today
{
    public static DateOnly Of(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
