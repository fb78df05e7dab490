using System.Globalization;
using Compliance.Domain.Disclosures;

namespace Compliance.Reports.Pdf;

/// <summary>A direct supplier as the disclosure's appendix lists it.</summary>
public sealed record DisclosedSupplier(string Reference, string Name, string Country, bool Screened, string Exposure, string? LastAudit);

/// <summary>Everything the California disclosure shows, already decided: the document only lays it out.</summary>
/// <param name="IssuedAt">Null for a draft, which is marked as such on every page.</param>
public sealed record CaliforniaDisclosureModel(
    string Company, DateOnly PeriodStart, DateOnly PeriodEnd, CaliforniaApplicability Applicability, IReadOnlyList<DisclosureStatement> Statements,
    IReadOnlyList<DisclosedSupplier> Suppliers, DateTimeOffset? IssuedAt, string? IssuedBy, DateTimeOffset GeneratedAt);

/// <summary>The California Transparency in Supply Chains Act disclosure (Cal. Civ. Code 1714.43) as a PDF.</summary>
public static class CaliforniaDisclosureDocument
{
    public const string Title = "California Transparency in Supply Chains Act disclosure";

    public static byte[] Render(CaliforniaDisclosureModel m)
    {
        var period = $"{m.PeriodStart:MMMM d, yyyy} – {m.PeriodEnd:MMMM d, yyyy}";
        var draft = m.IssuedAt is null;
        using var pdf = new PdfDocumentBuilder(
            new PdfDocumentMetadata(Title, m.Company, $"{m.Company}: disclosure for {period} under Cal. Civ. Code 1714.43",
                ["California Transparency in Supply Chains Act", "SB 657", "Civil Code 1714.43", "human trafficking", "slavery", "supply chain"], m.IssuedAt ?? m.GeneratedAt),
            new PdfPageSetup(PdfPaper.Letter, HeaderText: draft ? $"DRAFT — not issued · {Title}" : Title, FooterText: $"{m.Company} · {period}"));

        pdf.Title(Title, $"{m.Company} · {period}" + (draft ? " · DRAFT" : $" · issued {m.IssuedAt:MMMM d, yyyy}"))
            .Paragraph($"This statement discloses the efforts of {m.Company} to eradicate slavery and human trafficking from its direct supply chain for tangible goods " +
                       "offered for sale, as required by the California Transparency in Supply Chains Act of 2010 (Cal. Civ. Code 1714.43). For each of the five " +
                       "elements of subdivision (c) it states to what extent, if any, the company engages in it, with the figures from its records that support the statement.")
            .Heading("Who the Act covers", 2)
            .Paragraph(m.Applicability.Summary)
            .Bullets(m.Applicability.Reasons);

        foreach (var s in m.Statements)
        {
            pdf.Heading($"{(int)s.Element}. {s.Heading}", 1)
                .Paragraph($"{s.Citation}{(s.Edited ? " · wording by the company; figures from its records" : "")}")
                .Paragraph(s.Text);
            if (s.Figures.Count > 0) pdf.Figures(s.Figures.Select(f => new PdfFigure(f.Label, f.Value)));
        }

        pdf.Heading("Appendix: direct suppliers", 1)
            .Paragraph($"{m.Suppliers.Count.ToString("#,0", CultureInfo.InvariantCulture)} direct (tier-1) suppliers active in the period, with their screening and latest audit.")
            .Table(new PdfTable(
                [new("#", 0.45, PdfAlign.Right), new("Reference", 1.0), new("Supplier", 3.0), new("Country", 0.85), new("Screened", 0.95), new("List exposure", 1.5), new("Latest audit", 1.35)],
                m.Suppliers.Select((s, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), s.Reference, s.Name, s.Country, s.Screened ? "Yes" : "No", s.Exposure, s.LastAudit ?? "—"])));
        pdf.Paragraph(draft
            ? $"Draft generated {m.GeneratedAt:yyyy-MM-dd HH:mm} UTC. Figures are recomputed from the records until the disclosure is issued."
            : $"Issued {m.IssuedAt:yyyy-MM-dd HH:mm} UTC by {m.IssuedBy}. The statements, figures and this document were frozen when issued.");
        return pdf.ToArray();
    }
}
