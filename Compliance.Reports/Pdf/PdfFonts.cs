using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Compliance.Reports.Pdf;

/// <summary>
/// The fonts shipped in Compliance.Reports/Fonts as embedded resources: DejaVu Sans for Latin, Vietnamese and
/// Turkish text, Droid Sans Fallback for the CJK characters DejaVu lacks. Every family name resolves to one of
/// them, so nothing depends on the host's fonts.
/// </summary>
internal static class PdfFonts
{
    public const string Sans = "DejaVu Sans";
    public const string Cjk = "Droid Sans Fallback";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private const string Oblique = "DejaVuSans-Oblique";
    private const string Fallback = "DroidSansFallbackFull";

    private static readonly ConcurrentDictionary<string, byte[]> Files = new(StringComparer.Ordinal);
    private static readonly Lazy<FontCoverage> RegularCoverage = new(() => FontCoverage.Read(File(Regular)));
    private static readonly Lazy<FontCoverage> BoldCoverage = new(() => FontCoverage.Read(File(Bold)));
    private static readonly Lazy<FontCoverage> ObliqueCoverage = new(() => FontCoverage.Read(File(Oblique)));
    private static readonly Lazy<FontCoverage> FallbackCoverage = new(() => FontCoverage.Read(File(Fallback)));
    private static readonly Lock Gate = new();

    /// <summary>DejaVu's ascender and descender as fractions of the font size (from its hhea table).</summary>
    public const double Ascent = 0.928, Descent = 0.236;

    public static void EnsureInstalled()
    {
        if (GlobalFontSettings.FontResolver is EmbeddedFontResolver) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is EmbeddedFontResolver) return;
            if (GlobalFontSettings.FontResolver is not null)
                throw new InvalidOperationException("Another PDFsharp font resolver is installed; Compliance.Reports needs its own to ship its fonts.");
            GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
        }
    }

    public static FontCoverage Primary(bool bold, bool italic) =>
        bold ? BoldCoverage.Value : italic ? ObliqueCoverage.Value : RegularCoverage.Value;

    public static FontCoverage CjkCoverage => FallbackCoverage.Value;

    private static byte[] File(string face) => Files.GetOrAdd(face, static name =>
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Compliance.Reports.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"Font resource {name}.ttf is missing from Compliance.Reports.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    });

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
        {
            // Droid has one face: PDFsharp simulates bold and oblique for it.
            if (string.Equals(familyName, Cjk, StringComparison.OrdinalIgnoreCase)) return new FontResolverInfo(Fallback, bold, italic);
            // DejaVu Sans ships without a bold oblique face here: the bold face is slanted.
            if (bold) return new FontResolverInfo(Bold, false, italic);
            return new FontResolverInfo(italic ? Oblique : Regular);
        }

        public byte[] GetFont(string faceName) => File(faceName);
    }
}
