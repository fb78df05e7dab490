using Compliance.Domain.Disclosures;
using Compliance.Domain.Tenancy;

namespace Compliance.Tests.Unit.Disclosures;

public sealed class CaliforniaDisclosureRulesTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    private static CaliforniaFigures Figures(int direct = 50, VerificationFigures? verification = null, AuditFigures? audits = null,
        CertificationFigures? certification = null, AccountabilityFigures? accountability = null, TrainingFigures? training = null) =>
        new(Start, End, direct, verification ?? new(43, 4, 2, "DOL TVPRA 2022", false), audits ?? new(10, 8, 7, 4, 3, 12, 1), certification, accountability, training);

    private static string Text(IReadOnlyList<DisclosureStatement> statements, CaliforniaElement e) => statements.Single(s => s.Element == e).Text;

    [Fact]
    public void Verification_states_the_share_screened_and_that_no_third_party_did_it()
    {
        var text = Text(CaliforniaDisclosureRules.Statements("Acme", Figures()), CaliforniaElement.Verification);
        Assert.Contains("screening 43 (86%) of its 50 direct suppliers", text, StringComparison.Ordinal);
        // Cal. Civ. Code 1714.43(c)(1): specify if the verification was not conducted by a third party.
        Assert.Contains("was not conducted by a third party", text, StringComparison.Ordinal);
        Assert.Contains("against DOL TVPRA 2022", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Audits_say_how_many_were_not_independent_and_unannounced()
    {
        var text = Text(CaliforniaDisclosureRules.Statements("Acme", Figures()), CaliforniaElement.Audits);
        // Cal. Civ. Code 1714.43(c)(2): specify if the audit was not an independent, unannounced audit.
        Assert.Contains("7 of these audits were not independent, unannounced audits; 3 were.", text, StringComparison.Ordinal);
        Assert.Contains("8 direct supplier(s) (16% of its direct suppliers)", text, StringComparison.Ordinal);
        var none = Text(CaliforniaDisclosureRules.Statements("Acme", Figures(audits: new(0, 0, 0, 0, 0, 0, 0))), CaliforniaElement.Audits);
        Assert.StartsWith("Acme did not audit its direct suppliers", none, StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_without_records_say_so_instead_of_inventing_figures()
    {
        var statements = CaliforniaDisclosureRules.Statements("Acme", Figures());
        foreach (var e in new[] { CaliforniaElement.Certification, CaliforniaElement.InternalAccountability, CaliforniaElement.Training })
        {
            Assert.Contains("does not keep", Text(statements, e), StringComparison.Ordinal);
            Assert.Equal("not kept in Compliance", Assert.Single(statements.Single(s => s.Element == e).Figures).Value);
        }
    }

    [Fact]
    public void Certification_accountability_and_training_are_stated_from_their_records()
    {
        var statements = CaliforniaDisclosureRules.Statements("Acme", Figures(
            certification: new(30, 45, "2026-1"), accountability: new(true, "Supplier Code enforcement policy", new DateOnly(2024, 3, 1), 2), training: new(3, 20, 17)));
        Assert.Contains("30 of its 50 direct suppliers (60%) held a signed certification (statement version 2026-1).", Text(statements, CaliforniaElement.Certification), StringComparison.Ordinal);
        Assert.Contains("2 enforcement action(s)", Text(statements, CaliforniaElement.InternalAccountability), StringComparison.Ordinal);
        Assert.Contains("17 of 20 (85%) completed it", Text(statements, CaliforniaElement.Training), StringComparison.Ordinal);
        var noTraining = CaliforniaDisclosureRules.Statements("Acme", Figures(training: new(0, 20, 0)));
        Assert.StartsWith("Acme did not provide training", Text(noTraining, CaliforniaElement.Training), StringComparison.Ordinal);
    }

    [Fact]
    public void The_officers_wording_replaces_the_generated_text_but_not_the_figures()
    {
        var edits = new Dictionary<CaliforniaElement, string> { [CaliforniaElement.Audits] = "Our own words." };
        var audits = CaliforniaDisclosureRules.Statements("Acme", Figures(), edits).Single(s => s.Element == CaliforniaElement.Audits);
        Assert.True(audits.Edited);
        Assert.Equal("Our own words.", audits.Text);
        Assert.Contains(audits.Figures, f => f.Label == "Independent and unannounced" && f.Value == "3 of 10 (30%)");
    }

    [Theory]
    [InlineData(true, true, 150_000_000, true)]
    [InlineData(true, true, 100_000_000, false)] // "exceeding" $100 million: exactly 100M is not covered
    [InlineData(false, true, 500_000_000, false)]
    [InlineData(true, false, 500_000_000, false)]
    public void Applicability_follows_the_three_tests_of_subdivision_a(bool retailOrManufacturer, bool inCalifornia, double receipts, bool covered)
    {
        var org = new Organization { Name = "Acme", Slug = "acme", IsRetailSellerOrManufacturer = retailOrManufacturer, DoesBusinessInCalifornia = inCalifornia, AnnualWorldwideGrossReceiptsUsd = (decimal)receipts };
        var applicability = CaliforniaApplicability.Of(org);
        Assert.Equal(covered, applicability.Covered);
        Assert.Equal(3, applicability.Reasons.Count);
    }

    [Fact]
    public void Unknown_receipts_leave_applicability_open()
    {
        var applicability = CaliforniaApplicability.Of(new Organization { Name = "Acme", Slug = "acme", IsRetailSellerOrManufacturer = true, DoesBusinessInCalifornia = true });
        Assert.Null(applicability.Covered);
        Assert.Contains("cannot be told", applicability.Summary, StringComparison.Ordinal);
    }
}
