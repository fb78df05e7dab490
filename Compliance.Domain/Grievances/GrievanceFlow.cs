using Compliance.Domain.Common;

namespace Compliance.Domain.Grievances;

/// <summary>
/// The case flow: received → acknowledged → investigating → substantiated (→ remediated) or unsubstantiated → closed.
/// A case can be closed early (duplicate, withdrawn) only with a note saying why, and reopened for investigation.
/// </summary>
public static class GrievanceFlow
{
    public const int MaxNoteLength = 2000;

    private static readonly Dictionary<GrievanceStatus, GrievanceStatus[]> Allowed = new()
    {
        [GrievanceStatus.Received] = [GrievanceStatus.Acknowledged, GrievanceStatus.Investigating, GrievanceStatus.Closed],
        [GrievanceStatus.Acknowledged] = [GrievanceStatus.Investigating, GrievanceStatus.Closed],
        [GrievanceStatus.Investigating] = [GrievanceStatus.Substantiated, GrievanceStatus.Unsubstantiated],
        [GrievanceStatus.Substantiated] = [GrievanceStatus.Remediated, GrievanceStatus.Closed],
        [GrievanceStatus.Unsubstantiated] = [GrievanceStatus.Closed, GrievanceStatus.Investigating],
        [GrievanceStatus.Remediated] = [GrievanceStatus.Closed],
        [GrievanceStatus.Closed] = [GrievanceStatus.Investigating],
    };

    public static IReadOnlyList<GrievanceStatus> NextFrom(GrievanceStatus status) => Allowed[status];

    /// <summary>Closing without an outcome, or reopening, needs a note; so does an unsubstantiated outcome (the reporter deserves a reason).</summary>
    public static bool NeedsNote(GrievanceStatus from, GrievanceStatus to) =>
        (to == GrievanceStatus.Closed && from is GrievanceStatus.Received or GrievanceStatus.Acknowledged)
        || (to == GrievanceStatus.Investigating && from is GrievanceStatus.Closed or GrievanceStatus.Unsubstantiated)
        || to == GrievanceStatus.Unsubstantiated;

    public static RuleViolations Check(GrievanceStatus from, GrievanceStatus to, string? note)
    {
        var errors = new RuleViolations();
        if (!Allowed[from].Contains(to))
        {
            errors.Add("status", "transition_not_allowed",
                $"A grievance that is {Words(from)} cannot become {Words(to)}; it can become {string.Join(" or ", Allowed[from].Select(Words))}.");
            return errors;
        }
        if (NeedsNote(from, to) && string.IsNullOrWhiteSpace(note))
            errors.Add("note", "required", $"Say why the grievance becomes {Words(to)} (a note is required for this step).");
        else if (note is { Length: > MaxNoteLength })
            errors.Add("note", "too_long", $"'note' is {note.Length:N0} characters; the limit is {MaxNoteLength:N0}.");
        return errors;
    }

    public static string Words(GrievanceStatus status) => status.ToString().ToLowerInvariant();
}
