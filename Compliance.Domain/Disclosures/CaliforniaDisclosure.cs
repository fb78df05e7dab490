using System.Globalization;
using Compliance.Domain.Tenancy;

namespace Compliance.Domain.Disclosures;

/// <summary>The five things Cal. Civ. Code 1714.43(c) requires a covered company to disclose, "to what extent, if any", it does.</summary>
public enum CaliforniaElement
{
    /// <summary>1714.43(c)(1)</summary>
    Verification = 1,
    /// <summary>1714.43(c)(2)</summary>
    Audits = 2,
    /// <summary>1714.43(c)(3)</summary>
    Certification = 3,
    /// <summary>1714.43(c)(4)</summary>
    InternalAccountability = 4,
    /// <summary>1714.43(c)(5)</summary>
    Training = 5,
}

/// <summary>
/// What the records say about one period, for the direct supply chain (tier-1 suppliers). A null part means the
/// product does not keep that kind of record yet: the statement then says so instead of inventing a figure.
/// </summary>
public sealed record CaliforniaFigures(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int DirectSuppliers,
    VerificationFigures Verification,
    AuditFigures Audits,
    CertificationFigures? Certification,
    AccountabilityFigures? Accountability,
    TrainingFigures? Training);

/// <param name="Screened">Direct suppliers covered by a completed screening in the period.</param>
/// <param name="WithListExposure">Screened direct suppliers with a current goods or entity hit not ruled out.</param>
/// <param name="ThirdParty">Whether a third party verified (the in-product screening is the company's own).</param>
public sealed record VerificationFigures(int Screened, int WithListExposure, int Runs, string? Editions, bool ThirdParty);

/// <param name="Audits">Audits of direct suppliers that ended in the period.</param>
public sealed record AuditFigures(int Audits, int SuppliersAudited, int Independent, int Unannounced, int IndependentAndUnannounced, int Findings, int ZeroToleranceFindings);

/// <param name="Certified">Direct suppliers with a signed certification valid at the end of the period.</param>
public sealed record CertificationFigures(int Certified, int Requested, string? StatementVersion);

public sealed record AccountabilityFigures(bool PolicyInPlace, string? PolicyTitle, DateOnly? PolicyAdoptedOn, int EnforcementActions);

/// <param name="InScope">Employees and managers with direct supply-chain responsibility counted as needing training.</param>
public sealed record TrainingFigures(int Sessions, int InScope, int Completed);

/// <summary>One element as the document states it: generated wording (or the officer's), the law behind it and the figures that back it.</summary>
public sealed record DisclosureStatement(CaliforniaElement Element, string Heading, string Citation, string Text, bool Edited, IReadOnlyList<DisclosureFigure> Figures);

public sealed record DisclosureFigure(string Label, string Value);

/// <summary>Whether the Act reaches the organization, from the inputs it keeps in its profile (Cal. Civ. Code 1714.43(a)(1)).</summary>
public sealed record CaliforniaApplicability(bool? Covered, IReadOnlyList<string> Reasons)
{
    public const decimal ReceiptsThresholdUsd = 100_000_000m;

    public static CaliforniaApplicability Of(Organization organization)
    {
        var reasons = new List<string>
        {
            organization.IsRetailSellerOrManufacturer ? "Retail seller or manufacturer (principal business activity)." : "Not a retail seller or manufacturer.",
            organization.DoesBusinessInCalifornia ? "Does business in California (Rev. & Tax. Code 23101)." : "Does not do business in California.",
        };
        bool? receiptsOver = organization.AnnualWorldwideGrossReceiptsUsd is { } receipts ? receipts > ReceiptsThresholdUsd : null;
        reasons.Add(receiptsOver switch
        {
            true => $"Annual worldwide gross receipts of {Usd(organization.AnnualWorldwideGrossReceiptsUsd)} exceed $100,000,000.",
            false => $"Annual worldwide gross receipts of {Usd(organization.AnnualWorldwideGrossReceiptsUsd)} do not exceed $100,000,000.",
            null => "Annual worldwide gross receipts are not recorded in the organization's profile.",
        });
        var covered = !organization.IsRetailSellerOrManufacturer || !organization.DoesBusinessInCalifornia || receiptsOver == false ? false : receiptsOver;
        return new CaliforniaApplicability(covered, reasons);
    }

    public string Summary => Covered switch
    {
        true => "The Act applies: a retail seller or manufacturer doing business in California with annual worldwide gross receipts over $100 million (Cal. Civ. Code 1714.43(a)(1)).",
        false => "On the organization's profile the Act does not apply (Cal. Civ. Code 1714.43(a)(1)); this disclosure is published voluntarily.",
        _ => "Whether the Act applies cannot be told from the organization's profile; complete it (Cal. Civ. Code 1714.43(a)(1)).",
    };

    private static string Usd(decimal? value) => value is { } v ? v.ToString("$#,0", CultureInfo.InvariantCulture) : "—";
}

/// <summary>
/// Writes each element's statement from the figures, with the Act's qualifiers: whether verification was by a third
/// party (1714.43(c)(1)) and whether audits were independent and unannounced (1714.43(c)(2)). Every number in a
/// statement is one of its figures, so the words cannot say more than the records do.
/// </summary>
public static class CaliforniaDisclosureRules
{
    public static IReadOnlyList<DisclosureStatement> Statements(string company, CaliforniaFigures f, IReadOnlyDictionary<CaliforniaElement, string>? edits = null)
    {
        DisclosureStatement S(CaliforniaElement e, string heading, string citation, string text, params DisclosureFigure[] figures) =>
            edits?.TryGetValue(e, out var edited) == true
                ? new(e, heading, citation, edited, true, figures)
                : new(e, heading, citation, text, false, figures);
        var period = $"{f.PeriodStart:MMMM d, yyyy} to {f.PeriodEnd:MMMM d, yyyy}";
        return
        [
            S(CaliforniaElement.Verification, "Verification", "Cal. Civ. Code 1714.43(c)(1)", Verification(company, f, period),
                new("Direct suppliers", N(f.DirectSuppliers)),
                new("Screened in the period", Share(f.Verification.Screened, f.DirectSuppliers)),
                new("With list exposure not ruled out", N(f.Verification.WithListExposure)),
                new("Verified by a third party", f.Verification.ThirdParty ? "Yes" : "No")),
            S(CaliforniaElement.Audits, "Audits", "Cal. Civ. Code 1714.43(c)(2)", Audits(company, f, period),
                new("Audits of direct suppliers", N(f.Audits.Audits)),
                new("Direct suppliers audited", Share(f.Audits.SuppliersAudited, f.DirectSuppliers)),
                new("Independent", Share(f.Audits.Independent, f.Audits.Audits)),
                new("Unannounced", Share(f.Audits.Unannounced, f.Audits.Audits)),
                new("Independent and unannounced", Share(f.Audits.IndependentAndUnannounced, f.Audits.Audits))),
            S(CaliforniaElement.Certification, "Certification", "Cal. Civ. Code 1714.43(c)(3)", Certification(company, f),
                f.Certification is { } c
                    ? [new("Direct suppliers certified", Share(c.Certified, f.DirectSuppliers)), new("Certifications requested", N(c.Requested))]
                    : [new("Certification records", "not kept in Compliance")]),
            S(CaliforniaElement.InternalAccountability, "Internal accountability", "Cal. Civ. Code 1714.43(c)(4)", Accountability(company, f, period),
                f.Accountability is { } a
                    ? [new("Accountability policy", a.PolicyInPlace ? "In place" : "None"), new("Enforcement actions in the period", N(a.EnforcementActions))]
                    : [new("Accountability records", "not kept in Compliance")]),
            S(CaliforniaElement.Training, "Training", "Cal. Civ. Code 1714.43(c)(5)", Training(company, f, period),
                f.Training is { } t
                    ? [new("Training sessions", N(t.Sessions)), new("Staff with supply-chain responsibility trained", Share(t.Completed, t.InScope))]
                    : [new("Training records", "not kept in Compliance")]),
        ];
    }

    private static string Verification(string company, CaliforniaFigures f, string period)
    {
        var v = f.Verification;
        if (f.DirectSuppliers == 0) return $"{company} recorded no direct suppliers for the period {period}, so no product supply chain was verified.";
        if (v.Screened == 0)
            return $"{company} did not verify its product supply chains for risks of human trafficking and slavery in the period {period}. " +
                   $"None of its {N(f.DirectSuppliers)} direct suppliers was screened.";
        var who = v.ThirdParty ? "The verification was conducted by a third party." : $"The verification was not conducted by a third party; {company} conducted it itself.";
        var editions = v.Editions is { Length: > 0 } ? $" against {v.Editions}" : "";
        return $"In the period {period}, {company} verified its product supply chains to evaluate and address risks of human trafficking and slavery by screening " +
               $"{N(v.Screened)} ({Percent(v.Screened, f.DirectSuppliers)}) of its {N(f.DirectSuppliers)} direct suppliers, their products and countries of origin{editions}. {who} " +
               $"{N(v.WithListExposure)} screened direct supplier(s) supply goods or bear names that appear on those lists and were not ruled out on review; " +
               "they are addressed through audits and corrective action.";
    }

    private static string Audits(string company, CaliforniaFigures f, string period)
    {
        var a = f.Audits;
        if (a.Audits == 0) return $"{company} did not audit its direct suppliers for compliance with its standards on trafficking and slavery in the period {period}.";
        var qualifier = a.IndependentAndUnannounced == a.Audits
            ? "All of these audits were independent and unannounced."
            : a.IndependentAndUnannounced == 0
                ? "None of these audits was both independent and unannounced."
                : $"{N(a.Audits - a.IndependentAndUnannounced)} of these audits {Were(a.Audits - a.IndependentAndUnannounced)} not independent, unannounced audits; {N(a.IndependentAndUnannounced)} {Were(a.IndependentAndUnannounced)}.";
        return $"In the period {period}, {company} conducted {N(a.Audits)} audit(s) of {N(a.SuppliersAudited)} direct supplier(s) ({Percent(a.SuppliersAudited, f.DirectSuppliers)} " +
               $"of its direct suppliers) to evaluate compliance with its standards for trafficking and slavery. {qualifier} " +
               $"{N(a.Independent)} {Were(a.Independent)} conducted by independent auditors and {N(a.Unannounced)} {Were(a.Unannounced)} unannounced. " +
               $"The audits raised {N(a.Findings)} finding(s), {N(a.ZeroToleranceFindings)} of them zero-tolerance.";
    }

    private static string Certification(string company, CaliforniaFigures f)
    {
        if (f.Certification is not { } c) return $"{company} does not keep records in Compliance of certifications from its direct suppliers; no certification figure is stated.";
        if (c.Certified == 0 && c.Requested == 0)
            return $"{company} does not require its direct suppliers to certify that materials incorporated into its products comply with the laws regarding slavery and human trafficking of the countries in which they do business.";
        return $"{company} requires its direct suppliers to certify that materials incorporated into its products comply with the laws regarding slavery and human trafficking " +
               $"of the country or countries in which they are doing business. At the end of the period, {N(c.Certified)} of its {N(f.DirectSuppliers)} direct suppliers " +
               $"({Percent(c.Certified, f.DirectSuppliers)}) held a signed certification" + (c.StatementVersion is { } v ? $" (statement version {v})." : ".");
    }

    private static string Accountability(string company, CaliforniaFigures f, string period)
    {
        if (f.Accountability is not { } a) return $"{company} does not keep records in Compliance of internal accountability standards; no accountability figure is stated.";
        if (!a.PolicyInPlace)
            return $"{company} does not maintain internal accountability standards and procedures for employees or contractors failing to meet company standards regarding slavery and trafficking.";
        var adopted = a.PolicyAdoptedOn is { } d ? $", adopted {d:MMMM d, yyyy}," : "";
        return $"{company} maintains internal accountability standards and procedures for employees and contractors failing to meet company standards regarding slavery and trafficking" +
               $"{(a.PolicyTitle is { } t ? $" ({t}{adopted})" : adopted.TrimEnd(','))}. In the period {period}, {N(a.EnforcementActions)} enforcement action(s) were taken under it.";
    }

    private static string Training(string company, CaliforniaFigures f, string period)
    {
        if (f.Training is not { } t) return $"{company} does not keep training records in Compliance; no training figure is stated.";
        if (t.Sessions == 0)
            return $"{company} did not provide training on human trafficking and slavery to employees and management with direct responsibility for supply chain management in the period {period}.";
        return $"In the period {period}, {company} provided {N(t.Sessions)} training session(s) on human trafficking and slavery, particularly on mitigating risks within product supply chains, " +
               $"to employees and management with direct responsibility for supply chain management: {N(t.Completed)} of {N(t.InScope)} ({Percent(t.Completed, t.InScope)}) completed it.";
    }

    private static string Were(int n) => n == 1 ? "was" : "were";

    public static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(int part, int whole) => whole == 0 ? "0%" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"43 of 50 (86%)" style shares; never divides by zero.</summary>
    public static string Share(int part, int whole) =>
        whole == 0 ? N(part) : $"{N(part)} of {N(whole)} ({(100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture)}%)";
}
