using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Lays out a document top to bottom as blocks are added, starting new pages as they fill; the running header
/// and the "Page X of Y" footer are drawn on <see cref="Save"/>, when the page count is known.
/// Call <see cref="PdfLicensing.Configure"/> once before building documents.
/// </summary>
public sealed class PdfDocumentBuilder : IDisposable
{
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Muted = XColor.FromArgb(0x5B, 0x67, 0x70);
    private static readonly XColor Accent = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    private static readonly XColor Rule = XColor.FromArgb(0xC9, 0xD3, 0xDF);
    private static readonly XColor Stripe = XColor.FromArgb(0xF3, 0xF6, 0xFA);

    private static readonly TextStyle TitleStyle = new(20, true, Accent);
    private static readonly TextStyle SubtitleStyle = new(11.5, false, Muted);
    private static readonly TextStyle BodyStyle = new(10, false, Ink);
    private static readonly TextStyle FigureValueStyle = new(10, true, Ink);
    private static readonly TextStyle CellStyle = new(8.5, false, Ink);
    private static readonly TextStyle HeaderCellStyle = new(8.5, true, XColors.White);
    private static readonly TextStyle RunningStyle = new(8, false, Muted);
    private static readonly TextStyle[] HeadingStyles = [new(15, true, Accent), new(12.5, true, Accent), new(10.5, true, Ink)];

    private const double ParagraphGap = 6;
    private const double BulletIndent = 14;
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 2.5;

    private readonly PdfDocument _document = new();
    private readonly Typesetter _type = new();
    private readonly PdfDocumentMetadata _metadata;
    private readonly PdfPageSetup _setup;
    private readonly PdfMargins _margins;
    private readonly XSize _pageSize;
    private XGraphics? _graphics;
    private double _y;
    private bool _saved;

    public PdfDocumentBuilder(PdfDocumentMetadata metadata, PdfPageSetup? setup = null)
    {
        PdfFonts.EnsureInstalled();
        _metadata = metadata;
        _setup = setup ?? new PdfPageSetup();
        _margins = _setup.Margins ?? PdfMargins.Default;
        // Points: A4 is 210 × 297 mm, Letter 8.5 × 11 in.
        _pageSize = _setup.Paper == PdfPaper.Letter ? new XSize(612, 792) : new XSize(595.28, 841.89);
        if (_margins.Left + _margins.Right >= _pageSize.Width - 72 || _margins.Top + _margins.Bottom >= _pageSize.Height - 72)
            throw new ArgumentException("The margins leave less than an inch of page.", nameof(setup));
    }

    private double Left => _margins.Left;
    private double BodyWidth => _pageSize.Width - _margins.Left - _margins.Right;
    private double Top => _margins.Top;
    private double Bottom => _pageSize.Height - _margins.Bottom;

    /// <summary>Pages laid out so far (still known after <see cref="Save"/>, which closes the PDFsharp document).</summary>
    public int PageCount { get; private set; }

    public PdfDocumentBuilder Title(string title, string? subtitle = null)
    {
        Page();
        Lines(_type.Wrap(title, TitleStyle, BodyWidth), TitleStyle, Left, BodyWidth);
        if (subtitle is not null)
        {
            _y += 2;
            Lines(_type.Wrap(subtitle, SubtitleStyle, BodyWidth), SubtitleStyle, Left, BodyWidth);
        }
        _y += 6;
        _graphics!.DrawLine(new XPen(Accent, 1.2), Left, _y, Left + BodyWidth, _y);
        _y += 14;
        return this;
    }

    /// <param name="level">1 (section) to 3.</param>
    public PdfDocumentBuilder Heading(string text, int level = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, HeadingStyles.Length);
        var style = HeadingStyles[level - 1];
        var lines = _type.Wrap(text, style, BodyWidth);
        Page();
        var before = _y > Top ? style.Size * 0.9 : 0;
        // Keep the heading with the first lines that follow it.
        if (!Fits(before + lines.Count * style.LineHeight + 3 * BodyStyle.LineHeight)) NewPage();
        else _y += before;
        Lines(lines, style, Left, BodyWidth);
        _y += style.Size * 0.35;
        return this;
    }

    public PdfDocumentBuilder Paragraph(string text)
    {
        Page();
        Lines(_type.Wrap(text, BodyStyle, BodyWidth), BodyStyle, Left, BodyWidth);
        _y += ParagraphGap;
        return this;
    }

    public PdfDocumentBuilder Bullets(IEnumerable<string> items)
    {
        Page();
        foreach (var item in items)
        {
            var lines = _type.Wrap(item, BodyStyle, BodyWidth - BulletIndent);
            if (!Fits(BodyStyle.LineHeight)) NewPage();
            _type.Draw(_graphics!, "•", BodyStyle, Left + 3, _y);
            Lines(lines, BodyStyle, Left + BulletIndent, BodyWidth - BulletIndent);
            _y += 2;
        }
        _y += ParagraphGap - 2;
        return this;
    }

    /// <summary>Key figures as label–value rows; a row is never split across pages.</summary>
    public PdfDocumentBuilder Figures(IEnumerable<PdfFigure> figures)
    {
        Page();
        var labelWidth = BodyWidth * 0.62;
        var valueWidth = BodyWidth - labelWidth - 8;
        var pen = new XPen(Rule, 0.5);
        foreach (var figure in figures)
        {
            var label = _type.Wrap(figure.Label, BodyStyle, labelWidth);
            var value = _type.Wrap(figure.Value, FigureValueStyle, valueWidth);
            var height = Math.Max(label.Count, value.Count) * BodyStyle.LineHeight + 6;
            if (!Fits(height)) NewPage();
            var top = _y + 3;
            for (var i = 0; i < label.Count; i++) _type.Draw(_graphics!, label[i], BodyStyle, Left, labelWidth, PdfAlign.Left, top + i * BodyStyle.LineHeight);
            for (var i = 0; i < value.Count; i++) _type.Draw(_graphics!, value[i], FigureValueStyle, Left + BodyWidth - valueWidth, valueWidth, PdfAlign.Right, top + i * BodyStyle.LineHeight);
            _y += height;
            _graphics!.DrawLine(pen, Left, _y, Left + BodyWidth, _y);
        }
        _y += ParagraphGap + 4;
        return this;
    }

    /// <summary>
    /// A table that flows across pages: the header row is repeated on each page, and a row moves whole to the next
    /// page unless it is taller than a page, in which case it is split between lines.
    /// </summary>
    public PdfDocumentBuilder Table(PdfTable table)
    {
        var columns = table.Columns;
        if (columns.Count == 0 || columns.Any(c => !(c.Width > 0)))
            throw new ArgumentException("A table needs columns with positive widths.", nameof(table));
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / total * BodyWidth).ToArray();
        var header = Cells(columns.Select(c => c.Header).ToList(), widths, HeaderCellStyle);
        var headerHeight = RowHeight(header, HeaderCellStyle);
        var pageRoom = Bottom - Top - headerHeight;
        var aligns = columns.Select(c => c.Align).ToArray();
        var headerDrawn = false;
        void DrawHeader()
        {
            DrawRow(header, 0, int.MaxValue, widths, aligns, HeaderCellStyle, Accent);
            headerDrawn = true;
        }

        Page();
        var stripe = false;
        foreach (var row in table.Rows)
        {
            if (row.Count != columns.Count)
                throw new ArgumentException($"A row has {row.Count} cells for {columns.Count} columns.", nameof(table));
            var cells = Cells(row, widths, CellStyle);
            var height = RowHeight(cells, CellStyle);
            if (!headerDrawn || !Fits(height) && height <= pageRoom)
            {
                if (!Fits(headerHeight + Math.Min(height, pageRoom))) NewPage();
                DrawHeader();
            }
            // A row taller than a page gets as many lines as fit, then the rest under the repeated header.
            var lineCount = cells.Max(c => c.Count);
            for (var from = 0; from < lineCount;)
            {
                var room = (int)Math.Floor((Bottom - _y - 2 * CellPaddingY) / CellStyle.LineHeight);
                if (room < 1)
                {
                    NewPage();
                    DrawHeader();
                    continue;
                }
                from += DrawRow(cells, from, room, widths, aligns, CellStyle, stripe ? Stripe : null);
            }
            stripe = !stripe;
        }
        if (!headerDrawn) DrawHeader();
        _graphics!.DrawLine(new XPen(Accent, 0.75), Left, _y, Left + BodyWidth, _y);
        _y += ParagraphGap + 6;
        return this;
    }

    public PdfDocumentBuilder PageBreak()
    {
        NewPage();
        return this;
    }

    public void Save(Stream output)
    {
        if (_saved) throw new InvalidOperationException("This document was saved already; build a new one.");
        _saved = true;
        Page();
        _graphics?.Dispose();
        _graphics = null;
        DrawRunningHeadersAndFooters();
        var info = _document.Info;
        info.Title = _metadata.Title;
        info.Author = _metadata.Author;
        info.Subject = _metadata.Subject;
        info.Keywords = string.Join(", ", _metadata.Keywords);
        info.Creator = "Compliance";
        info.CreationDate = _metadata.CreatedAt.UtcDateTime;
        _document.Options.CompressContentStreams = true;
        _document.Save(output, closeStream: false);
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _type.Dispose();
        _document.Dispose();
    }

    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        Save(output);
        return output.ToArray();
    }

    private void DrawRunningHeadersAndFooters()
    {
        var header = _setup.HeaderText ?? _metadata.Title;
        var pen = new XPen(Rule, 0.5);
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var headerLine = _type.Wrap(header, RunningStyle, BodyWidth)[0];
            _type.Draw(graphics, headerLine, RunningStyle, Left, BodyWidth, PdfAlign.Left, Top - 26);
            graphics.DrawLine(pen, Left, Top - 12, Left + BodyWidth, Top - 12);
            graphics.DrawLine(pen, Left, Bottom + 12, Left + BodyWidth, Bottom + 12);
            var number = $"Page {i + 1} of {count}";
            var numberWidth = _type.Width(number, RunningStyle);
            _type.Draw(graphics, new TextLine(number, numberWidth), RunningStyle, Left, BodyWidth, PdfAlign.Right, Bottom + 16);
            if (_setup.FooterText is { } footer)
                _type.Draw(graphics, _type.Wrap(footer, RunningStyle, BodyWidth - numberWidth - 24)[0], RunningStyle, Left, BodyWidth, PdfAlign.Left, Bottom + 16);
        }
    }

    private List<TextLine>[] Cells(IReadOnlyList<string> values, double[] widths, TextStyle style) =>
        [.. values.Select((value, i) => _type.Wrap(value ?? "", style, widths[i] - 2 * CellPaddingX))];

    private static double RowHeight(List<TextLine>[] cells, TextStyle style) => cells.Max(c => c.Count) * style.LineHeight + 2 * CellPaddingY;

    /// <summary>Draws lines [from, from + count) of each cell as one row band; returns how many lines were drawn.</summary>
    private int DrawRow(List<TextLine>[] cells, int from, int count, double[] widths, PdfAlign[] aligns, TextStyle style, XColor? fill)
    {
        var lines = Math.Min(cells.Max(c => c.Count) - from, count);
        var height = lines * style.LineHeight + 2 * CellPaddingY;
        if (fill is { } color) _graphics!.DrawRectangle(new XSolidBrush(color), Left, _y, BodyWidth, height);
        var x = Left;
        for (var c = 0; c < cells.Length; c++)
        {
            for (var l = from; l < Math.Min(cells[c].Count, from + lines); l++)
                _type.Draw(_graphics!, cells[c][l], style, x + CellPaddingX, widths[c] - 2 * CellPaddingX, aligns[c], _y + CellPaddingY + (l - from) * style.LineHeight);
            x += widths[c];
        }
        _y += height;
        return lines;
    }

    private void Lines(List<TextLine> lines, TextStyle style, double left, double width)
    {
        foreach (var line in lines)
        {
            if (!Fits(style.LineHeight)) NewPage();
            _type.Draw(_graphics!, line, style, left, width, PdfAlign.Left, _y);
            _y += style.LineHeight;
        }
    }

    private bool Fits(double height) => _y + height <= Bottom + 0.01;

    private void Page()
    {
        if (_graphics is null) NewPage();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        PageCount++;
        page.Width = XUnit.FromPoint(_pageSize.Width);
        page.Height = XUnit.FromPoint(_pageSize.Height);
        _graphics = XGraphics.FromPdfPage(page);
        _y = Top;
    }
}
