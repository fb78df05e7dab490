namespace Compliance.Reports.Pdf;

public enum PdfPaper
{
    A4,
    Letter,
}

public enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Page margins in points (1/72 inch). The running header and footer sit inside the top and bottom margins.</summary>
public sealed record PdfMargins(double Top, double Right, double Bottom, double Left)
{
    /// <summary>20 mm top and bottom, 18 mm at the sides.</summary>
    public static PdfMargins Default { get; } = new(56.7, 51, 56.7, 51);
}

/// <param name="HeaderText">Shown at the top of every page; the document title when null.</param>
/// <param name="FooterText">Shown at the bottom left of every page, beside "Page X of Y".</param>
public sealed record PdfPageSetup(PdfPaper Paper = PdfPaper.A4, PdfMargins? Margins = null, string? HeaderText = null, string? FooterText = null);

/// <summary>The document information dictionary: what viewers and search indexes show.</summary>
public sealed record PdfDocumentMetadata(string Title, string Author, string Subject, IReadOnlyList<string> Keywords, DateTimeOffset CreatedAt);

/// <summary>A key figure: a label and its value, e.g. "Suppliers screened" and "1,284".</summary>
public sealed record PdfFigure(string Label, string Value);

/// <param name="Width">A relative share of the table's width: columns of widths 3 and 1 take 75% and 25%.</param>
public sealed record PdfColumn(string Header, double Width, PdfAlign Align = PdfAlign.Left);

/// <summary>A table whose rows are already formatted text, one string per column.</summary>
public sealed record PdfTable(IReadOnlyList<PdfColumn> Columns, IEnumerable<IReadOnlyList<string>> Rows);
