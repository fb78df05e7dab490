using Compliance.Domain.Common;

namespace Compliance.Domain.Audits;

/// <summary>What a user submits to record an audit, before it is checked.</summary>
public sealed record AuditDetails(
    AuditScheme? Scheme, AuditType? Type, AuditAnnouncement? Announcement, bool? IsIndependent,
    string? AuditFirm, string? LeadAuditor, DateOnly? StartDate, DateOnly? EndDate,
    int? WorkersInterviewed, string? Rating, string? Summary);

public sealed record FindingDetails(IloIndicator? IloIndicator, FarProhibitedActivity? FarActivity, FindingSeverity? Severity, string? Description, DateOnly? RaisedOn);

public sealed record CorrectiveActionDetails(string? Description, string? Owner, DateOnly? DueDate);

/// <summary>The rules an audit, a finding and a corrective action must meet. Field names are the API's.</summary>
public static class AuditRules
{
    public const int TextMax = 200;
    public const int LongTextMax = 4000;
    public const int WorkersInterviewedMax = 100_000;

    public static RuleViolations Check(AuditDetails a, DateOnly today)
    {
        var errors = new RuleViolations();
        if (a.Scheme is null) errors.Add("scheme", "required", "'scheme' is required: Smeta, AmforiBsci, RbaVap, Sa8000, Internal or Other.");
        if (a.Type is null) errors.Add("type", "required", "'type' is required: Initial, FollowUp or Closure.");
        if (a.Announcement is null) errors.Add("announcement", "required", "'announcement' is required: Announced, SemiAnnounced or Unannounced.");
        if (a.IsIndependent is null) errors.Add("isIndependent", "required", "Say whether an independent third party carried out the audit ('isIndependent').");
        // Cal. Civ. Code 1714.43(c)(2): the disclosure says whether audits were independent; an independent audit names its firm.
        if (a.IsIndependent == true && string.IsNullOrWhiteSpace(a.AuditFirm))
            errors.Add("auditFirm", "required", "An independent audit names the audit firm that carried it out.");
        if (a.IsIndependent == true && a.Scheme == AuditScheme.Internal)
            errors.Add("isIndependent", "contradiction", "An audit under the organization's internal scheme is not an independent third-party audit.");
        Text(errors, "auditFirm", a.AuditFirm, TextMax);
        Text(errors, "leadAuditor", a.LeadAuditor, TextMax);
        Text(errors, "rating", a.Rating, 40);
        Text(errors, "summary", a.Summary, LongTextMax, multiline: true);
        if (a.StartDate is null) errors.Add("startDate", "required", "'startDate' is required (YYYY-MM-DD).");
        if (a.EndDate is null) errors.Add("endDate", "required", "'endDate' is required (YYYY-MM-DD).");
        if (a.StartDate is { } start && a.EndDate is { } end)
        {
            if (end < start) errors.Add("endDate", "before_start", $"The audit cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
            if (end > today) errors.Add("endDate", "in_future", $"An audit is recorded once it has taken place; {end:yyyy-MM-dd} is in the future.");
            if (end.DayNumber - start.DayNumber > 60) errors.Add("endDate", "too_long", "An on-site audit lasting more than 60 days is almost certainly a typing error in a date.");
        }
        if (a.WorkersInterviewed is < 0 or > WorkersInterviewedMax)
            errors.Add("workersInterviewed", "out_of_range", $"'workersInterviewed' must be between 0 and {WorkersInterviewedMax:N0}; got {a.WorkersInterviewed}.");
        return errors;
    }

    public static RuleViolations Check(FindingDetails f, DateOnly auditEnd, DateOnly today)
    {
        var errors = new RuleViolations();
        if (f.IloIndicator is null && f.FarActivity is null)
            errors.Add("iloIndicator", "required", "Classify the finding by an ILO forced-labour indicator ('iloIndicator'), a FAR 52.222-50(b) prohibited activity ('farActivity'), or both.");
        if (f.Severity is null) errors.Add("severity", "required", "'severity' is required: ZeroTolerance, Major, Minor or Observation.");
        if (string.IsNullOrWhiteSpace(f.Description)) errors.Add("description", "required", "'description' is required: what was found.");
        else Text(errors, "description", f.Description, LongTextMax, multiline: true);
        if (f.RaisedOn is { } raised && (raised > today || raised.DayNumber < auditEnd.DayNumber - 60))
            errors.Add("raisedOn", "out_of_range", $"'raisedOn' ({raised:yyyy-MM-dd}) must be around the audit ({auditEnd:yyyy-MM-dd}) and not in the future.");
        return errors;
    }

    public static RuleViolations Check(CorrectiveActionDetails c, DateOnly raisedOn)
    {
        var errors = new RuleViolations();
        if (string.IsNullOrWhiteSpace(c.Description)) errors.Add("description", "required", "'description' is required: what must be done.");
        else Text(errors, "description", c.Description, LongTextMax, multiline: true);
        if (string.IsNullOrWhiteSpace(c.Owner)) errors.Add("owner", "required", "'owner' is required: who is responsible for the action.");
        else Text(errors, "owner", c.Owner, TextMax);
        if (c.DueDate is { } due && due < raisedOn)
            errors.Add("dueDate", "before_finding", $"The action cannot be due ({due:yyyy-MM-dd}) before the finding was raised ({raisedOn:yyyy-MM-dd}).");
        return errors;
    }

    private static void Text(RuleViolations errors, string field, string? value, int max, bool multiline = false)
    {
        if (value is null) return;
        if (value.Length > max) errors.Add(field, "too_long", $"'{field}' is {value.Length:N0} characters; the limit is {max:N0}.");
        else if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            errors.Add(field, "control_characters", $"'{field}' contains control characters.");
    }
}
