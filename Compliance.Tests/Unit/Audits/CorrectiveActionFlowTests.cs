using Compliance.Domain.Audits;

namespace Compliance.Tests.Unit.Audits;

public sealed class CorrectiveActionFlowTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private static CorrectiveAction Action(CorrectiveActionStatus status = CorrectiveActionStatus.Open) =>
        new() { Description = "Return passports to all workers", Owner = "HR manager", DueDate = new DateOnly(2026, 12, 31), Status = status };

    [Fact]
    public void An_open_action_cannot_jump_to_verified()
    {
        var action = Action();
        var errors = action.MoveTo(CorrectiveActionStatus.Verified, VerificationMethod.DesktopReview, null, "officer@test", Now);
        var error = Assert.Single(errors);
        Assert.Equal("transition_not_allowed", error.Code);
        Assert.Contains("only after it is completed", error.Message, StringComparison.Ordinal);
        Assert.Equal(CorrectiveActionStatus.Open, action.Status);
    }

    [Fact]
    public void The_happy_path_records_who_verified_and_how()
    {
        var action = Action();
        Assert.Empty(action.MoveTo(CorrectiveActionStatus.InProgress, null, null, "a", Now));
        Assert.Empty(action.MoveTo(CorrectiveActionStatus.Completed, null, null, "a", Now));
        Assert.Equal(Now, action.CompletedAt);
        Assert.Empty(action.MoveTo(CorrectiveActionStatus.Verified, VerificationMethod.FollowUpAudit, null, "auditor@test", Now.AddDays(30)));
        Assert.Equal(CorrectiveActionStatus.Verified, action.Status);
        Assert.Equal(VerificationMethod.FollowUpAudit, action.VerificationMethod);
        Assert.Equal("auditor@test", action.VerifiedBy);
    }

    [Fact]
    public void Verifying_needs_a_method_and_a_dispute_needs_a_reason()
    {
        var completed = Action(CorrectiveActionStatus.Completed);
        Assert.Equal("verificationMethod", Assert.Single(completed.MoveTo(CorrectiveActionStatus.Verified, null, null, "a", Now)).Field);
        Assert.Equal(CorrectiveActionStatus.Completed, completed.Status);

        var open = Action();
        Assert.Equal("reason", Assert.Single(open.MoveTo(CorrectiveActionStatus.Disputed, null, "  ", "a", Now)).Field);
        Assert.Empty(open.MoveTo(CorrectiveActionStatus.Disputed, null, "The supplier says the passports are in a locker the workers hold keys to.", "a", Now));
        Assert.Equal(CorrectiveActionStatus.Disputed, open.Status);
        Assert.StartsWith("The supplier says", open.DisputeReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verified_action_is_final()
    {
        var verified = Action(CorrectiveActionStatus.Verified);
        foreach (var to in Enum.GetValues<CorrectiveActionStatus>())
            Assert.NotEmpty(verified.MoveTo(to, VerificationMethod.DesktopReview, "reason", "a", Now));
    }

    [Fact]
    public void A_failed_verification_sends_the_action_back_to_work()
    {
        var action = Action(CorrectiveActionStatus.Completed);
        action.CompletedAt = Now;
        Assert.Empty(action.MoveTo(CorrectiveActionStatus.InProgress, null, null, "a", Now));
        Assert.Null(action.CompletedAt);
    }

    [Theory]
    [InlineData(CorrectiveActionStatus.Open, "2026-12-01", "2026-12-02", true)]
    [InlineData(CorrectiveActionStatus.InProgress, "2026-12-01", "2026-12-02", true)]
    [InlineData(CorrectiveActionStatus.Disputed, "2026-12-01", "2026-12-02", true)]
    [InlineData(CorrectiveActionStatus.Open, "2026-12-02", "2026-12-02", false)]
    [InlineData(CorrectiveActionStatus.Completed, "2026-11-01", "2026-12-02", false)]
    [InlineData(CorrectiveActionStatus.Verified, "2026-11-01", "2026-12-02", false)]
    public void Overdue_is_past_due_and_not_done(CorrectiveActionStatus status, string due, string today, bool overdue) =>
        Assert.Equal(overdue, CorrectiveAction.IsOverdue(status, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class CorrectiveActionPolicyTests
{
    [Theory]
    [InlineData(FindingSeverity.ZeroTolerance, "2026-01-31")]
    [InlineData(FindingSeverity.Major, "2026-04-01")]
    [InlineData(FindingSeverity.Minor, "2026-06-30")]
    public void The_default_policy_gives_30_90_and_180_days(FindingSeverity severity, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CorrectiveActionPolicy.Default.DueDate(severity, new DateOnly(2026, 1, 1)));

    [Fact]
    public void A_policy_that_gives_grave_findings_more_time_than_light_ones_is_refused()
    {
        Assert.Contains("order", new CorrectiveActionPolicy(ZeroToleranceDays: 120, MajorDays: 90).Problems());
        Assert.Contains(nameof(CorrectiveActionPolicy.MinorDays), new CorrectiveActionPolicy(MinorDays: 0).Problems());
        Assert.Empty(new CorrectiveActionPolicy(14, 60, 120).Problems());
    }

    [Theory]
    [InlineData(0, "0–30 days")]
    [InlineData(30, "0–30 days")]
    [InlineData(31, "31–60 days")]
    [InlineData(90, "61–90 days")]
    [InlineData(181, "over 180 days")]
    public void Ageing_buckets(int age, string bucket) =>
        Assert.Equal(bucket, CapAgeing.BucketOf(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1).AddDays(age)));
}
