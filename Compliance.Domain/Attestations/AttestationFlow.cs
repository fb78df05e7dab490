using Compliance.Domain.Common;

namespace Compliance.Domain.Attestations;

public enum ReviewDecision
{
    Accept,
    Return,
}

/// <summary>Who may move an attestation from which status to which, and the rules of signing.</summary>
public static class AttestationFlow
{
    public const int MaxCommentLength = 4000;

    /// <summary>FAR 52.222-50(h)(5), 52.222-56 and 52.222-50(i)(2) certifications are annual; supplier certifications too, by policy.</summary>
    public static DateOnly ValidUntil(DateOnly signedOn) => signedOn.AddYears(1);

    public static bool CanSign(AttestationStatus status) => status is AttestationStatus.Draft or AttestationStatus.Requested;

    /// <summary>Only FAR certifications go to a contracting officer; a returned one may be resubmitted.</summary>
    public static RuleViolation? CheckSubmit(Attestation a) =>
        a.Kind != AttestationKind.FarCertification
            ? new("kind", "not_submittable", "Only FAR 52.222-56 certifications are submitted to a contracting officer.")
            : a.Status is AttestationStatus.Signed or AttestationStatus.Returned ? null
            : new("status", "wrong_status", $"A {a.Status} certification cannot be submitted; it must be Signed, or Returned by the officer.");

    public static RuleViolation? CheckReview(Attestation a, ReviewDecision decision, string? comments)
    {
        if (a.Status != AttestationStatus.Submitted)
            return new("status", "wrong_status", $"Only a Submitted certification can be reviewed; this one is {a.Status}.");
        if (decision == ReviewDecision.Return && string.IsNullOrWhiteSpace(comments))
            return new("comments", "required", "Say what the contractor must change when returning a certification.");
        if (comments is { Length: > MaxCommentLength })
            return new("comments", "too_long", $"'comments' is {comments.Length:N0} characters; the limit is {MaxCommentLength:N0}.");
        return null;
    }

    public static RuleViolations CheckSignature(string? name, string? title, DateOnly? signedOn, string? statementVersion, Attestation a, DateOnly today)
    {
        var errors = new RuleViolations();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("signerName", "required", "Type your full name to sign.");
        else if (name.Length > 200) errors.Add("signerName", "too_long", "'signerName' is longer than 200 characters.");
        if (string.IsNullOrWhiteSpace(title)) errors.Add("signerTitle", "required", "Give your title or position.");
        else if (title.Length > 200) errors.Add("signerTitle", "too_long", "'signerTitle' is longer than 200 characters.");
        if (signedOn is null) errors.Add("signedOn", "required", "Give the date of signing.");
        else if (signedOn > today || signedOn < today.AddDays(-7))
            errors.Add("signedOn", "out_of_range", $"The date of signing must be today ({today:yyyy-MM-dd}) or within the last 7 days.");
        // The signer confirms which text they read: a statement changed in between is not signed blindly.
        if (statementVersion != a.StatementVersion)
            errors.Add("statementVersion", "version_mismatch", $"You read statement version '{statementVersion}', but this request is for version '{a.StatementVersion}'. Reload the page and read it again.");
        return errors;
    }
}
