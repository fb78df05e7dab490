using Compliance.Domain.Attestations;

namespace Compliance.Tests.Unit.Attestations;

public sealed class AttestationFlowTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Attestation Far(AttestationStatus status) => new()
    {
        Kind = AttestationKind.FarCertification, Status = status, StatementVersion = AttestationStatements.FarV1.Version,
        StatementText = AttestationStatements.FarV1.Text, StatementSha256 = Attestation.Sha256Of(AttestationStatements.FarV1.Text), CreatedBy = "test",
    };

    [Theory]
    [InlineData(AttestationStatus.Signed, true)]
    [InlineData(AttestationStatus.Returned, true)]
    [InlineData(AttestationStatus.Draft, false)]
    [InlineData(AttestationStatus.Submitted, false)]
    [InlineData(AttestationStatus.Accepted, false)]
    public void Submit_is_allowed_only_when_signed_or_returned(AttestationStatus status, bool allowed) =>
        Assert.Equal(allowed, AttestationFlow.CheckSubmit(Far(status)) is null);

    [Fact]
    public void Submit_refuses_supplier_statements() =>
        Assert.Equal("not_submittable", AttestationFlow.CheckSubmit(Far(AttestationStatus.Signed).WithKind(AttestationKind.SupplierCertification))!.Code);

    [Theory]
    [InlineData(AttestationStatus.Submitted, ReviewDecision.Accept, null, null)]
    [InlineData(AttestationStatus.Submitted, ReviewDecision.Return, "Attach the audit", null)]
    [InlineData(AttestationStatus.Submitted, ReviewDecision.Return, " ", "required")]
    [InlineData(AttestationStatus.Accepted, ReviewDecision.Accept, null, "wrong_status")]
    [InlineData(AttestationStatus.Returned, ReviewDecision.Return, "again", "wrong_status")]
    [InlineData(AttestationStatus.Signed, ReviewDecision.Accept, null, "wrong_status")]
    public void Review_moves_only_a_submitted_certification_and_a_return_needs_comments(AttestationStatus status, ReviewDecision decision, string? comments, string? code) =>
        Assert.Equal(code, AttestationFlow.CheckReview(Far(status), decision, comments)?.Code);

    [Fact]
    public void A_signature_must_name_the_version_that_was_read_and_be_dated_recently()
    {
        var a = Far(AttestationStatus.Draft);
        Assert.Empty(AttestationFlow.CheckSignature("Pat Lee", "CEO", Today, a.StatementVersion, a, Today));
        var errors = AttestationFlow.CheckSignature("", null, Today.AddDays(1), "far-0.9", a, Today);
        Assert.Equal(["signerName:required", "signerTitle:required", "signedOn:out_of_range", "statementVersion:version_mismatch"], errors.Select(e => $"{e.Field}:{e.Code}"));
        Assert.Contains(AttestationFlow.CheckSignature("Pat", "CEO", Today.AddDays(-8), a.StatementVersion, a, Today), e => e.Code == "out_of_range");
    }

    [Fact]
    public void Certifications_are_valid_for_a_year() =>
        Assert.Equal(new DateOnly(2027, 3, 10), AttestationFlow.ValidUntil(Today));

    [Fact]
    public void Every_statement_has_a_distinct_version_and_the_far_text_cites_the_clause()
    {
        var statements = Enum.GetValues<AttestationKind>().Select(AttestationStatements.Current).ToList();
        Assert.Equal(statements.Count, statements.Select(s => s.Version).Distinct().Count());
        Assert.Contains("52.222-50", AttestationStatements.FarV1.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Agencies_match_whatever_the_case_and_spacing() =>
        Assert.Equal(Agencies.KeyOf("Department of State"), Agencies.KeyOf("  department  of STATE "));
}

public sealed class CompliancePlanRulesTests
{
    private static CompliancePlanText Complete => new("Awareness", "Report to 1-844-888-FREE without retaliation", "No fees", null, true, "Flow-down and audits");

    [Fact]
    public void A_complete_plan_without_housing_passes() => Assert.Empty(CompliancePlanRules.Check(Complete));

    [Fact]
    public void The_reporting_process_must_give_the_hotline() =>
        Assert.Equal("hotline_missing", Assert.Single(CompliancePlanRules.Check(Complete with { ReportingProcess = "Tell HR." })).Code);

    [Fact]
    public void Housing_is_a_plan_or_an_explicit_none_not_both()
    {
        Assert.Equal("required", Assert.Single(CompliancePlanRules.Check(Complete with { NoHousingProvided = null })).Code);
        Assert.Equal("contradiction", Assert.Single(CompliancePlanRules.Check(Complete with { HousingPlan = "Dormitories" })).Code);
        Assert.Empty(CompliancePlanRules.Check(Complete with { HousingPlan = "Dormitories meet host-country standards", NoHousingProvided = false }));
    }

    [Fact]
    public void Every_element_is_required() =>
        Assert.Equal(["awarenessProgram", "reportingProcess", "recruitmentAndWagePlan", "housingPlan", "subcontractorProcedures"],
            CompliancePlanRules.Check(new CompliancePlanText(null, null, null, null, null, null)).Select(e => e.Field));
}

internal static class AttestationTestExtensions
{
    public static Attestation WithKind(this Attestation a, AttestationKind kind)
    {
        a.Kind = kind;
        return a;
    }
}
