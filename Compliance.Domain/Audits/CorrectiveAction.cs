using Compliance.Domain.Common;

namespace Compliance.Domain.Audits;

public enum CorrectiveActionStatus
{
    Open,
    InProgress,
    Completed,
    Verified,
    Disputed,
}

public enum VerificationMethod
{
    DesktopReview,
    FollowUpAudit,
}

/// <summary>What the supplier must do about a finding, by when, and how its completion was verified.</summary>
public sealed class CorrectiveAction : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid FindingId { get; set; }
    public Guid SupplierId { get; set; }
    public required string Description { get; set; }
    /// <summary>Who is responsible: a person or role at the supplier or in the organization.</summary>
    public required string Owner { get; set; }
    public DateOnly DueDate { get; set; }
    public CorrectiveActionStatus Status { get; set; } = CorrectiveActionStatus.Open;
    public VerificationMethod? VerificationMethod { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public string? DisputeReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Past its due date and not yet done. Derived, never stored, so it is true on the day it becomes true.</summary>
    public bool IsOverdueOn(DateOnly today) => IsOverdue(Status, DueDate, today);

    public static bool IsOverdue(CorrectiveActionStatus status, DateOnly dueDate, DateOnly today) =>
        status is not (CorrectiveActionStatus.Completed or CorrectiveActionStatus.Verified) && dueDate < today;

    /// <summary>Moves the action to <paramref name="to"/> if the flow allows it; the violations say why not.</summary>
    public RuleViolations MoveTo(CorrectiveActionStatus to, VerificationMethod? method, string? reason, string actor, DateTime now)
    {
        var errors = CorrectiveActionFlow.Check(Status, to, method, reason);
        if (errors.Count > 0) return errors;
        switch (to)
        {
            case CorrectiveActionStatus.Completed:
                CompletedAt = now;
                break;
            case CorrectiveActionStatus.Verified:
                VerificationMethod = method;
                VerifiedAt = now;
                VerifiedBy = actor;
                break;
            case CorrectiveActionStatus.Disputed:
                DisputeReason = reason!.Trim();
                break;
            case CorrectiveActionStatus.Open or CorrectiveActionStatus.InProgress when Status == CorrectiveActionStatus.Completed:
                CompletedAt = null; // verification failed: the work is not done after all
                break;
        }
        Status = to;
        UpdatedAt = now;
        return errors;
    }
}

/// <summary>
/// The corrective-action flow: open → in progress → completed → verified, with disputes. Nothing is verified that was
/// not first completed, a dispute needs its reason, and verified is final.
/// </summary>
public static class CorrectiveActionFlow
{
    private static readonly Dictionary<CorrectiveActionStatus, CorrectiveActionStatus[]> Allowed = new()
    {
        [CorrectiveActionStatus.Open] = [CorrectiveActionStatus.InProgress, CorrectiveActionStatus.Completed, CorrectiveActionStatus.Disputed],
        [CorrectiveActionStatus.InProgress] = [CorrectiveActionStatus.Completed, CorrectiveActionStatus.Disputed, CorrectiveActionStatus.Open],
        // Verification can fail: the action goes back to work.
        [CorrectiveActionStatus.Completed] = [CorrectiveActionStatus.Verified, CorrectiveActionStatus.InProgress, CorrectiveActionStatus.Disputed],
        [CorrectiveActionStatus.Disputed] = [CorrectiveActionStatus.Open, CorrectiveActionStatus.InProgress],
        [CorrectiveActionStatus.Verified] = [],
    };

    public static IReadOnlyList<CorrectiveActionStatus> NextFrom(CorrectiveActionStatus status) => Allowed[status];

    public static RuleViolations Check(CorrectiveActionStatus from, CorrectiveActionStatus to, VerificationMethod? method, string? reason)
    {
        var errors = new RuleViolations();
        if (!Allowed[from].Contains(to))
        {
            var hint = to == CorrectiveActionStatus.Verified ? " An action is verified only after it is completed." : "";
            errors.Add("status", "transition_not_allowed",
                from == CorrectiveActionStatus.Verified
                    ? "The action is verified; a verified action does not change."
                    : $"An action that is {Words(from)} cannot become {Words(to)}; it can become {string.Join(" or ", Allowed[from].Select(Words))}.{hint}");
            return errors;
        }
        if (to == CorrectiveActionStatus.Verified && method is null)
            errors.Add("verificationMethod", "required", "Say how completion was verified: DesktopReview or FollowUpAudit.");
        if (to == CorrectiveActionStatus.Disputed && string.IsNullOrWhiteSpace(reason))
            errors.Add("reason", "required", "A dispute needs its reason.");
        else if (reason is { Length: > 2000 })
            errors.Add("reason", "too_long", $"'reason' is {reason.Length:N0} characters; the limit is 2000.");
        return errors;
    }

    public static string Words(CorrectiveActionStatus status) => status switch
    {
        CorrectiveActionStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
