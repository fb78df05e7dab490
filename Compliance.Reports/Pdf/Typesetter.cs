using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Compliance.Reports.Pdf;

internal readonly record struct TextStyle(double Size, bool Bold, XColor Color, bool Italic = false)
{
    /// <summary>Distance between baselines: a little more than DejaVu's own height, for readable running text.</summary>
    public double LineHeight => Size * 1.3;

    /// <summary>From the top of a line box to its baseline, centring DejaVu's ascender and descender in it.</summary>
    public double BaselineOffset => (LineHeight - Size * (PdfFonts.Ascent + PdfFonts.Descent)) / 2 + Size * PdfFonts.Ascent;
}

internal readonly record struct TextLine(string Text, double Width);

/// <summary>
/// Measures, breaks and draws text. Each run is split per character between DejaVu Sans and the CJK fallback
/// font (whichever has the glyph), because PDFsharp draws missing glyphs as empty boxes.
/// </summary>
internal sealed class Typesetter : IDisposable
{
    // Subsets of the fonts, with a ToUnicode map so the text can be searched and extracted. (The shipped
    // DejaVu files have flat composite glyphs, see Fonts/README.md: PDFsharp's subsetter goes one level deep.)
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<(string Family, double Size, bool Bold, bool Italic), XFont> _fonts = [];
    // Widths depend on text, size and face only, so they are shared by all documents: a warm document measures
    // nothing it has seen before. Cleared when large, since supplier names are unbounded.
    private static readonly ConcurrentDictionary<(string Text, double Size, bool Bold, bool Italic), double> Widths = new();
    private const int MaxCachedWidths = 100_000;

    public void Dispose() => _measure.Dispose();

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0) return 0;
        var key = (text, style.Size, style.Bold, style.Italic);
        if (Widths.TryGetValue(key, out var cached)) return cached;
        double width = 0;
        foreach (var (start, length, cjk) in Runs(text, style))
            width += _measure.MeasureString(text.Substring(start, length), Font(cjk, style)).Width;
        if (Widths.Count >= MaxCachedWidths) Widths.Clear();
        return Widths[key] = width;
    }

    public void Draw(XGraphics graphics, string text, TextStyle style, double x, double lineTop)
    {
        var baseline = lineTop + style.BaselineOffset;
        var brush = new XSolidBrush(style.Color);
        foreach (var (start, length, cjk) in Runs(text, style))
        {
            var run = text.Substring(start, length);
            var font = Font(cjk, style);
            graphics.DrawString(run, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += Width(run, style);
        }
    }

    public void Draw(XGraphics graphics, TextLine line, TextStyle style, double left, double width, PdfAlign align, double lineTop)
    {
        var x = align switch
        {
            PdfAlign.Right => left + width - line.Width,
            PdfAlign.Center => left + (width - line.Width) / 2,
            _ => left,
        };
        Draw(graphics, line.Text, style, x, lineTop);
    }

    /// <summary>
    /// Greedy line breaking by measured width: breaks at spaces, between CJK characters (which have no spaces),
    /// at explicit line feeds, and inside a word only when the word alone is wider than the line.
    /// </summary>
    public List<TextLine> Wrap(string text, TextStyle style, double width)
    {
        var lines = new List<TextLine>();
        var space = Width(" ", style);
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            double lineWidth = 0;
            foreach (var (word, spaced) in Words(paragraph))
            {
                var wordWidth = Width(word, style);
                var gap = spaced && line.Length > 0 ? space : 0;
                if (lineWidth + gap + wordWidth <= width)
                {
                    if (gap > 0) line.Append(' ');
                    line.Append(word);
                    lineWidth += gap + wordWidth;
                    continue;
                }
                if (line.Length > 0) lines.Add(new(line.ToString(), lineWidth));
                line.Clear();
                lineWidth = 0;
                if (wordWidth <= width)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                    continue;
                }
                foreach (var piece in Split(word, style, width))
                {
                    if (line.Length > 0) lines.Add(new(line.ToString(), lineWidth));
                    line.Clear().Append(piece.Text);
                    lineWidth = piece.Width;
                }
            }
            lines.Add(new(line.ToString(), lineWidth));
        }
        return lines;
    }

    /// <summary>Cuts a word wider than the line into pieces that fit, at least one character each.</summary>
    private IEnumerable<TextLine> Split(string word, TextStyle style, double width)
    {
        var start = 0;
        while (start < word.Length)
        {
            var end = NextCharacter(word, start);
            while (end < word.Length && Width(word[start..NextCharacter(word, end)], style) <= width) end = NextCharacter(word, end);
            var piece = word[start..end];
            yield return new(piece, Width(piece, style));
            start = end;
        }
    }

    private static int NextCharacter(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? index + 2 : index + 1;

    private static IEnumerable<(string Word, bool Spaced)> Words(string text)
    {
        var spaced = false;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                spaced = true;
                i++;
                continue;
            }
            var start = i;
            if (IsCjk(text[i])) i++;
            else
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsCjk(text[i])) i++;
            yield return (text[start..i], spaced);
            spaced = false;
        }
    }

    // Ideographs, kana, Hangul and full-width forms: a line may break before or after any of them.
    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private static IEnumerable<(int Start, int Length, bool Cjk)> Runs(string text, TextStyle style)
    {
        var primary = PdfFonts.Primary(style.Bold, style.Italic);
        var fallback = PdfFonts.CjkCoverage;
        var (start, cjk) = (0, false);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            // A space between CJK characters stays in their run, so runs are as long as possible.
            var here = primary.Has(codePoint) ? cjk && char.IsWhiteSpace(text[i]) : fallback.Has(codePoint);
            if (here == cjk) continue;
            if (i > start) yield return (start, i - start, cjk);
            (start, cjk) = (i, here);
        }
        if (text.Length > start) yield return (start, text.Length - start, cjk);
    }

    private XFont Font(bool cjk, TextStyle style)
    {
        var key = (cjk ? PdfFonts.Cjk : PdfFonts.Sans, style.Size, style.Bold, style.Italic);
        if (_fonts.TryGetValue(key, out var font)) return font;
        var fontStyle = (style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (style.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
        return _fonts[key] = new XFont(key.Item1, style.Size, fontStyle, Unicode);
    }
}
