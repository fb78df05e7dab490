using System.Globalization;
using Compliance.Domain.Disclosures;

namespace Compliance.Reports.Pdf;

/// <param name="IssuedAt">Null for a draft, which is marked as such on every page.</param>
public sealed record FarDisclosureModel(string Company, DateOnly PeriodStart, DateOnly PeriodEnd, FarDisclosureContent Content, DateTimeOffset? IssuedAt, string? IssuedBy,
    DateTimeOffset GeneratedAt);

/// <summary>The FAR 52.222-50 zero-tolerance disclosure of one federal contract, as a PDF for the contracting officer.</summary>
public static class FarDisclosureDocument
{
    public const string Title = "Combating Trafficking in Persons: FAR 52.222-50 disclosure";

    public static byte[] Render(FarDisclosureModel m)
    {
        var c = m.Content;
        var period = $"{m.PeriodStart:MMMM d, yyyy} – {m.PeriodEnd:MMMM d, yyyy}";
        var draft = m.IssuedAt is null;
        static string Usd(decimal v) => v.ToString("$#,0", CultureInfo.InvariantCulture);
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        using var pdf = new PdfDocumentBuilder(
            new PdfDocumentMetadata(Title, m.Company, $"{m.Company}: contract {c.Contract.Number} ({c.Contract.Agency}), {period}",
                ["FAR 52.222-50", "FAR 52.222-56", "trafficking in persons", "compliance plan", c.Contract.Number], m.IssuedAt ?? m.GeneratedAt),
            new PdfPageSetup(PdfPaper.Letter, HeaderText: draft ? $"DRAFT — not issued · {Title}" : Title, FooterText: $"{m.Company} · contract {c.Contract.Number}"));

        pdf.Title(Title, $"{m.Company} · contract {c.Contract.Number} · {period}" + (draft ? " · DRAFT" : $" · issued {m.IssuedAt:MMMM d, yyyy}"))
            .Heading("Summary", 1)
            .Bullets(c.Summary())
            .Heading("Contract", 1)
            .Figures([new("Contract number", c.Contract.Number), new("Agency", c.Contract.Agency), new("Contracting officer", c.Contract.ContractingOfficer),
                new("Award date", Day(c.Contract.AwardDate)), new("Estimated value", Usd(c.Contract.Value)),
                new("Supplies or services outside the United States", Usd(c.Contract.OutsideUsValue)),
                new("Compliance plan required (FAR 52.222-50(h)(1))", c.Contract.CompliancePlanRequired ? "Yes" : "No")])
            .Paragraph(c.Contract.Reason)
            .Heading("Compliance plan", 1)
            .Paragraph(c.Plan.Version is { } v ? $"Version {v}, saved {c.Plan.SavedAt:yyyy-MM-dd} by {c.Plan.SavedBy}. The five elements of FAR 52.222-50(h)(3):" : "No compliance plan is recorded.");
        foreach (var e in c.Plan.Elements)
            pdf.Heading($"{e.Element} ({e.Citation})", 3).Paragraph(string.IsNullOrWhiteSpace(e.Text) ? "Not addressed." : e.Text);

        pdf.Heading("FAR 52.222-56 certification", 1);
        if (c.Certification is { } cert)
            pdf.Figures([new("Status", cert.Status), new("Statement version", cert.StatementVersion), new("Signed by", cert.Signer is null ? "—" : $"{cert.Signer}{(cert.SignerTitle is { } t ? $", {t}" : "")}"),
                    new("Signed on", Day(cert.SignedOn)), new("Valid until", Day(cert.ValidUntil)), new("Contracting officer's review", cert.Review ?? "—")])
                .Paragraph("Statement as signed:")
                .Paragraph(cert.StatementText);
        else pdf.Paragraph("No FAR 52.222-56 certification is recorded for this contract.");

        pdf.Heading("Subcontractors: flow-down and screening", 1)
            .Paragraph(c.SubcontractorBasis)
            .Table(new PdfTable(
                [new("Reference", 1), new("Subcontractor", 3), new("Country", 0.75), new("Flow-down (52.222-50(i))", 1.3), new("Signed", 0.95), new("Valid until", 0.95),
                    new("Open hits", 0.7, PdfAlign.Right), new("Confirmed", 0.8, PdfAlign.Right), new("Mitigated", 0.8, PdfAlign.Right)],
                c.Subcontractors.Select(s => (IReadOnlyList<string>)[s.Reference, s.Name, s.Country, s.FlowDown, Day(s.SignedOn), Day(s.ValidUntil),
                    s.OpenHits.ToString(CultureInfo.InvariantCulture), s.ConfirmedHits.ToString(CultureInfo.InvariantCulture), s.MitigatedHits.ToString(CultureInfo.InvariantCulture)])));

        pdf.Heading("Credible information disclosed (FAR 52.222-50(d))", 1);
        if (c.CredibleInformation.Count == 0) pdf.Paragraph("None in the period.");
        else
            pdf.Table(new PdfTable([new("Disclosed", 0.9), new("What was disclosed", 3), new("Contracting officer", 1.4), new("Inspector General", 1.4), new("Actions taken", 2.4)],
                c.CredibleInformation.Select(d => (IReadOnlyList<string>)[Day(d.DisclosedOn), d.WhatWasDisclosed + (d.Source is { } s ? $" ({s})" : ""), d.ContractingOfficer, d.InspectorGeneral, d.ActionsTaken ?? "—"])));

        pdf.Heading("Remedial actions", 1);
        if (c.RemedialActions.Count == 0) pdf.Paragraph("No corrective action is recorded for these subcontractors.");
        else
            pdf.Table(new PdfTable([new("Subcontractor", 2), new("Finding", 2.4), new("Action", 2.6), new("Due", 0.9), new("Status", 1)],
                c.RemedialActions.Select(a => (IReadOnlyList<string>)[a.Supplier, a.Finding, a.Action, Day(a.Due), a.Status])));
        pdf.Paragraph(draft
            ? $"Draft generated {m.GeneratedAt:yyyy-MM-dd HH:mm} UTC from the records."
            : $"Issued {m.IssuedAt:yyyy-MM-dd HH:mm} UTC by {m.IssuedBy}. The content and this document were frozen when issued.");
        return pdf.ToArray();
    }
}
