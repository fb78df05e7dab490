using Compliance.Reports.Pdf;
using UglyToad.PdfPig;

namespace Compliance.Tests.Unit.Reports;

public sealed class PdfDocumentBuilderTests
{
    private const string Chinese = "深圳市华强电子有限公司";
    private const string Vietnamese = "Công ty TNHH May mặc Việt Tiến";
    private const string Turkish = "Öztürk Tekstil Sanayi A.Ş.";

    private static readonly PdfDocumentMetadata Metadata = new(
        "California Transparency in Supply Chains Act disclosure", "Acme Apparel Inc.", "Fiscal year 2025",
        ["forced labour", "supply chain", "SB 657"], new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));

    public PdfDocumentBuilderTests() => PdfLicensing.Configure(null);

    /// <summary>The test document: every primitive, then a 250-row supplier table in three scripts.</summary>
    internal static byte[] SupplierDisclosure(PdfPaper paper = PdfPaper.A4)
    {
        using var pdf = new PdfDocumentBuilder(Metadata, new PdfPageSetup(paper, FooterText: "Acme Apparel Inc. — issued 15 January 2026"));
        pdf.Title(Metadata.Title, "Acme Apparel Inc. · Fiscal year 2025 · Cal. Civil Code § 1714.43")
            .Heading("1. Verification")
            .Paragraph("We evaluate and address risks of human trafficking and slavery in product supply chains. Verification is "
                + "conducted by an independent third party for all tier-1 suppliers in high-risk countries, and internally for the rest. "
                + "Suppliers are screened against the U.S. Department of Labor's List of Goods Produced by Child Labor or Forced Labor.")
            .Heading("Scope of the screening", level: 2)
            .Bullets(["Tier-1 suppliers: every active supplier with a purchase order in the period.",
                "Tier-2 suppliers where the good appears on the DOL list for the supplier's country — for example cotton from "
                + "Turkmenistan or polysilicon from China.",
                $"Supplier names are kept in their own script: {Chinese}, {Vietnamese} and {Turkish}"])
            .Heading("Key figures", level: 2)
            .Figures([new("Suppliers screened", "1,284"), new("Suppliers with a confirmed risk-list match", "37"),
                new("Social audits conducted (unannounced: 41%)", "212"), new("Open corrective actions past their due date", "9")])
            .Heading("2. Suppliers screened")
            .Table(new PdfTable(
                [new("#", 0.5, PdfAlign.Right), new("Reference", 1.1), new("Supplier", 3.4), new("Country", 0.9), new("Tier", 0.5, PdfAlign.Right), new("Risk level", 1)],
                SupplierRows(250)));
        return pdf.ToArray();
    }

    private static IEnumerable<string[]> SupplierRows(int count)
    {
        string[] names = [Chinese, Vietnamese, Turkish, "Dhaka Knit Composite Ltd.", "Acme Cotton Traders (Pvt) Ltd, Karachi"];
        string[] countries = ["CN", "VN", "TR", "BD", "PK"];
        string[] levels = ["High", "Medium", "Low"];
        for (var i = 1; i <= count; i++)
        {
            // Every 17th supplier has a long name, so some rows wrap to two or three lines.
            var name = i % 17 == 0 ? $"{names[i % 5]} — formerly trading as Global Garment Sourcing and Export Holdings {i}" : names[i % 5];
            yield return [i.ToString(), $"S-{i:D4}", name, countries[i % 5], (1 + i % 3).ToString(), levels[i % 3]];
        }
    }

    [Fact]
    public void Supplier_names_in_Chinese_Vietnamese_and_Turkish_come_back_as_text()
    {
        using var document = PdfDocument.Open(SupplierDisclosure());
        var text = string.Concat(document.GetPages().Select(p => p.Text));

        Assert.Contains(Chinese, text, StringComparison.Ordinal);
        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
        Assert.Contains(Turkish, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_characters_are_drawn_with_the_CJK_font_and_the_rest_with_DejaVu()
    {
        using var document = PdfDocument.Open(SupplierDisclosure());
        var letters = document.GetPages().SelectMany(p => p.Letters).ToList();

        Assert.All(letters.Where(l => l.Value == "华"), l => Assert.Contains("+Droid Sans Fallback", l.FontName, StringComparison.Ordinal));
        Assert.All(letters.Where(l => l.Value is "ệ" or "Ş" or "A"), l => Assert.Contains("+DejaVu Sans", l.FontName, StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Value == "华");
    }

    [Fact]
    public void Every_page_says_page_X_of_Y()
    {
        using var document = PdfDocument.Open(SupplierDisclosure());
        var pages = document.GetPages().ToList();

        Assert.True(pages.Count >= 5, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.Contains($"Page {p.Number} of {pages.Count}", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Table_header_is_repeated_on_every_page_the_table_reaches()
    {
        using var document = PdfDocument.Open(SupplierDisclosure());
        var tablePages = document.GetPages().SkipWhile(p => !p.Text.Contains("S-0001", StringComparison.Ordinal)).ToList();

        Assert.True(tablePages.Count >= 4, $"{tablePages.Count} pages of table");
        Assert.All(tablePages, p => Assert.Contains("ReferenceSupplierCountryTierRisk level", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_are_never_split_across_pages()
    {
        using var document = PdfDocument.Open(SupplierDisclosure());
        var pages = document.GetPages().Select(p => p.Text).ToList();

        for (var i = 17; i <= 250; i += 17)
        {
            // A wrapped row's last line ends with its number; it must be on the page that has its reference.
            var page = Assert.Single(pages, p => p.Contains($"S-{i:D4}", StringComparison.Ordinal));
            Assert.Contains($"Holdings {i}", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_row_taller_than_a_page_continues_on_the_next_page_under_the_header()
    {
        var essay = string.Join(" ", Enumerable.Range(1, 900).Select(i => $"word{i}"));
        using var pdf = new PdfDocumentBuilder(Metadata);
        pdf.Table(new PdfTable([new("Finding", 1), new("Evidence", 3)], [["F-1", essay]]));
        using var document = PdfDocument.Open(pdf.ToArray());
        var pages = document.GetPages().ToList();

        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.Contains("FindingEvidence", p.Text, StringComparison.Ordinal));
        Assert.Contains("word1 ", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("word900", pages[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PdfPaper.A4, 595.28)]
    [InlineData(PdfPaper.Letter, 612)]
    public void Text_is_broken_into_lines_that_stay_inside_the_margins(PdfPaper paper, double pageWidth)
    {
        using var document = PdfDocument.Open(SupplierDisclosure(paper));
        var letters = document.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();

        Assert.Equal(pageWidth, document.GetPage(1).Width, 1);
        Assert.All(letters, l => Assert.InRange(l.BoundingBox.Left, PdfMargins.Default.Left - 0.5, pageWidth - PdfMargins.Default.Right + 0.5));
        Assert.All(letters, l => Assert.InRange(l.EndBaseLine.X, PdfMargins.Default.Left, pageWidth - PdfMargins.Default.Right + 0.5));
    }

    [Fact]
    public void Document_information_carries_the_metadata()
    {
        using var document = PdfDocument.Open(SupplierDisclosure());
        var info = document.Information;

        Assert.Equal(Metadata.Title, info.Title);
        Assert.Equal("Acme Apparel Inc.", info.Author);
        Assert.Equal("Fiscal year 2025", info.Subject);
        Assert.Equal("forced labour, supply chain, SB 657", info.Keywords);
        Assert.Equal(Metadata.CreatedAt, info.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Every_font_is_embedded()
    {
        using var document = PdfDocument.Open(SupplierDisclosure());
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();

        // Embedded subsets are named with a six-letter tag, e.g. ABCDEF+DejaVu Sans.
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+(DejaVu Sans|Droid Sans Fallback)", f));
    }

    [Fact]
    public void Rows_with_the_wrong_number_of_cells_are_refused()
    {
        using var pdf = new PdfDocumentBuilder(Metadata);

        Assert.Throws<ArgumentException>(() => pdf.Table(new PdfTable([new("A", 1), new("B", 1)], [["only one"]])));
    }
}
