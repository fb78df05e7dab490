using Compliance.Domain.Grievances;
using Compliance.Web.Features.Grievances;

namespace Compliance.Tests.Unit.Grievances;

public sealed class GrievanceRulesTests
{
    private static readonly DateTime Received = new(2026, 3, 2, 22, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day0 = DateOnly.FromDateTime(Received);

    private static SlaStanding On(int day, int? acknowledgedOn = null, int? outcomeOn = null)
    {
        var (ackBy, outcomeBy) = GrievanceSlaPolicy.Default.DeadlinesFor(Received);
        return SlaStanding.Of(Received, acknowledgedOn is { } a ? Received.AddDays(a) : null, outcomeOn is { } o ? Received.AddDays(o) : null, ackBy, outcomeBy, Day0.AddDays(day));
    }

    [Fact]
    public void Deadlines_are_calendar_days_from_the_day_of_receipt()
    {
        var (ackBy, outcomeBy) = GrievanceSlaPolicy.Default.DeadlinesFor(Received);
        Assert.Equal(new DateOnly(2026, 3, 9), ackBy);
        Assert.Equal(new DateOnly(2026, 5, 31), outcomeBy);
    }

    [Theory]
    [InlineData(0, SlaState.OnTrack)]
    [InlineData(4, SlaState.OnTrack)]
    [InlineData(5, SlaState.DueSoon)]
    [InlineData(7, SlaState.DueSoon)] // the deadline day itself is still in time
    [InlineData(8, SlaState.Breached)]
    public void An_unacknowledged_case_is_on_track_then_due_soon_then_breached(int day, SlaState expected)
    {
        var standing = On(day);
        Assert.Equal(expected, standing.State);
        Assert.Equal(day, standing.AgeDays);
        Assert.Equal(day >= 8, standing.AcknowledgeBreached);
    }

    [Fact]
    public void Acknowledging_in_time_moves_the_watch_to_the_outcome_deadline()
    {
        Assert.Equal(SlaState.OnTrack, On(30, acknowledgedOn: 3).State);
        Assert.Equal(SlaState.DueSoon, On(88, acknowledgedOn: 3).State);
        var late = On(91, acknowledgedOn: 3);
        Assert.Equal(SlaState.Breached, late.State);
        Assert.True(late.OutcomeBreached);
        Assert.False(late.AcknowledgeBreached);
    }

    [Fact]
    public void A_late_acknowledgement_stays_a_breach_on_the_record()
    {
        var standing = On(40, acknowledgedOn: 10);
        Assert.True(standing.AcknowledgeBreached);
        Assert.Equal(SlaState.Breached, standing.State);
        Assert.Equal(SlaState.Breached, On(120, acknowledgedOn: 10, outcomeOn: 60).State);
    }

    [Fact]
    public void Both_steps_in_time_is_met_whatever_the_day()
    {
        Assert.Equal(SlaState.Met, On(400, acknowledgedOn: 2, outcomeOn: 45).State);
    }

    [Fact]
    public void An_sla_policy_refuses_nonsense()
    {
        Assert.Empty(GrievanceSlaPolicy.Default.Problems());
        Assert.Contains(new GrievanceSlaPolicy(0, 90).Problems(), p => p.Field == "acknowledgeDays");
        Assert.Contains(new GrievanceSlaPolicy(7, 400).Problems(), p => p.Field == "outcomeDays");
        Assert.Contains(new GrievanceSlaPolicy(30, 10).Problems(), p => p.Field == "acknowledgeDays");
    }

    [Fact]
    public void The_flow_goes_from_receipt_to_outcome_and_closing()
    {
        var g = NewGrievance();
        var now = Received;
        Assert.Empty(g.MoveTo(GrievanceStatus.Acknowledged, null, now = now.AddDays(1)));
        Assert.Equal(now, g.AcknowledgedAt);
        Assert.Empty(g.MoveTo(GrievanceStatus.Investigating, null, now = now.AddDays(1)));
        Assert.Empty(g.MoveTo(GrievanceStatus.Substantiated, null, now = now.AddDays(20)));
        Assert.Equal(now, g.OutcomeAt);
        Assert.True(g.Substantiated);
        Assert.Empty(g.MoveTo(GrievanceStatus.Remediated, null, now = now.AddDays(30)));
        Assert.Empty(g.MoveTo(GrievanceStatus.Closed, null, now = now.AddDays(1)));
        Assert.Equal(now, g.ClosedAt);
        Assert.True(g.Substantiated); // closing keeps the finding
    }

    [Fact]
    public void Skipping_the_investigation_is_refused_with_the_allowed_steps()
    {
        var errors = NewGrievance().MoveTo(GrievanceStatus.Substantiated, null, Received);
        var error = Assert.Single(errors);
        Assert.Equal("transition_not_allowed", error.Code);
        Assert.Contains("acknowledged or investigating or closed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GrievanceStatus.Received, GrievanceStatus.Closed)]
    [InlineData(GrievanceStatus.Investigating, GrievanceStatus.Unsubstantiated)]
    public void Closing_early_and_an_unsubstantiated_outcome_need_a_note(GrievanceStatus from, GrievanceStatus to)
    {
        Assert.True(GrievanceFlow.NeedsNote(from, to));
        Assert.Equal("required", Assert.Single(GrievanceFlow.Check(from, to, " ")).Code);
        Assert.Empty(GrievanceFlow.Check(from, to, "Duplicate of an earlier report."));
    }

    [Fact]
    public void Closing_early_stops_both_clocks_and_reopening_starts_the_outcome_clock_again()
    {
        var g = NewGrievance();
        Assert.Empty(g.MoveTo(GrievanceStatus.Closed, "Withdrawn by the reporter.", Received.AddDays(1)));
        Assert.NotNull(g.AcknowledgedAt);
        Assert.NotNull(g.OutcomeAt);
        Assert.Equal("Withdrawn by the reporter.", g.ClosingNote);
        Assert.Empty(g.MoveTo(GrievanceStatus.Investigating, "The reporter wrote again with new facts.", Received.AddDays(5)));
        Assert.Null(g.OutcomeAt);
        Assert.Null(g.ClosedAt);
        Assert.Null(g.Substantiated);
    }

    [Fact]
    public void Receipt_codes_and_passphrases_are_random_grouped_and_forgiving_to_type()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => ReceiptCredentials.NewReceiptCode()).ToList();
        Assert.Equal(1000, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        var passphrase = ReceiptCredentials.NewPassphrase();
        Assert.Matches("^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$", passphrase);

        var hash = ReceiptCredentials.Hash(passphrase);
        Assert.True(ReceiptCredentials.Matches(passphrase.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), hash));
        Assert.False(ReceiptCredentials.Matches(passphrase[..^1] + (passphrase[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ReceiptCredentials.Matches(null, hash));
        Assert.Equal("7KQ0-1XRT-9P11", ReceiptCredentials.Normalize("7kqo 1xrt 9pLI"));
    }

    [Theory]
    [InlineData(null, "en", true)]
    [InlineData("es-MX", "es", true)]
    [InlineData("zh-CN", "zh-Hans", true)]
    [InlineData("ZH-hans", "zh-Hans", true)]
    [InlineData("vi", "vi", true)]
    [InlineData("hi-IN", "hi", true)]
    [InlineData("my", "my", true)] // Burmese, recorded by a handler: kept as given
    [InlineData("not a tag", "en", false)]
    public void Languages_resolve_to_the_forms_own_or_stay_as_given(string? requested, string expected, bool known)
    {
        Assert.Equal(expected, IntakeLanguages.Resolve(requested, out var wasKnown));
        Assert.Equal(known, wasKnown);
    }

    [Fact]
    public void The_browser_language_picks_the_form_and_every_language_names_every_category_and_status()
    {
        Assert.Equal("vi", IntakeLanguages.FromAcceptLanguage("fr-FR,fr;q=0.9,vi;q=0.8,en;q=0.5"));
        Assert.Equal("en", IntakeLanguages.FromAcceptLanguage("fr-FR"));
        Assert.Equal(["en", "es", "zh-Hans", "hi", "vi"], IntakeLanguages.Tags);
        foreach (var text in IntakeLanguages.All)
        {
            Assert.Equal(Enum.GetValues<GrievanceCategory>().Length, text.Categories.Count);
            Assert.Equal(Enum.GetValues<GrievanceStatus>().Length, text.Statuses.Count);
            Assert.All(text.Categories.Values.Concat(text.Statuses.Values), w => Assert.False(string.IsNullOrWhiteSpace(w)));
        }
    }

    [Fact]
    public void Categories_map_to_the_ilo_indicators_they_evidence()
    {
        Assert.Equal(Compliance.Domain.Audits.IloIndicator.RetentionOfIdentityDocuments, GrievanceCategories.Indicator(GrievanceCategory.DocumentsKept));
        Assert.Equal(Compliance.Domain.Audits.IloIndicator.DebtBondage, GrievanceCategories.Indicator(GrievanceCategory.RecruitmentFeesOrDebt));
        Assert.Null(GrievanceCategories.Indicator(GrievanceCategory.ChildLabour));
    }

    private static Grievance NewGrievance() => new()
    {
        ReceiptCode = "AAAA-BBBB-CCCC", PassphraseHash = "", Language = "en", DescriptionProtected = "", ReceivedAt = Received,
    };
}
