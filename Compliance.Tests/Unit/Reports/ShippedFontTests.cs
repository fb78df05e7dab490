using System.Buffers.Binary;
using Compliance.Reports.Pdf;

namespace Compliance.Tests.Unit.Reports;

public sealed class ShippedFontTests
{
    private static string[] Resources() =>
        [.. typeof(PdfDocumentBuilder).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".ttf", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Fonts() => [.. Resources()];

    [Fact]
    public void The_Latin_and_the_CJK_fonts_are_embedded_resources() =>
        Assert.Equal(
            ["Compliance.Reports.Fonts.DejaVuSans-Bold.ttf", "Compliance.Reports.Fonts.DejaVuSans-Oblique.ttf",
             "Compliance.Reports.Fonts.DejaVuSans.ttf", "Compliance.Reports.Fonts.DroidSansFallbackFull.ttf"],
            Resources());

    /// <summary>PDFsharp 6.5 subsets composites one level deep: a composite of composites would lose its marks (Fonts/README.md).</summary>
    [Theory]
    [MemberData(nameof(Fonts))]
    public void Composite_glyphs_reference_simple_glyphs_only(string resource)
    {
        using var stream = typeof(PdfDocumentBuilder).Assembly.GetManifestResourceStream(resource)!;
        var font = new byte[stream.Length];
        stream.ReadExactly(font);
        var glyphs = Glyphs(font);

        var nested = glyphs.Count(g => Components(g).Any(c => IsComposite(glyphs[c])));

        Assert.True(glyphs.Any(IsComposite) || resource.Contains("Droid", StringComparison.Ordinal), "the parser found composites");
        Assert.Equal(0, nested);
    }

    private static bool IsComposite(ReadOnlyMemory<byte> glyph) => glyph.Length > 0 && BinaryPrimitives.ReadInt16BigEndian(glyph.Span) < 0;

    private static List<int> Components(ReadOnlyMemory<byte> glyph)
    {
        var components = new List<int>();
        if (!IsComposite(glyph)) return components;
        var data = glyph.Span;
        for (var at = 10; ;)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]));
            at += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
            if ((flags & 0x20) == 0) return components;
        }
    }

    private static List<ReadOnlyMemory<byte>> Glyphs(byte[] font)
    {
        var head = Table(font, "head");
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(Table(font, "maxp").Span[4..]);
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.Span[50..]) == 1;
        var loca = Table(font, "loca");
        var glyf = Table(font, "glyf");
        int Offset(int i) => longOffsets ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.Span[(i * 4)..]) : BinaryPrimitives.ReadUInt16BigEndian(loca.Span[(i * 2)..]) * 2;
        return [.. Enumerable.Range(0, glyphCount).Select(i => glyf[Offset(i)..Offset(i + 1)])];
    }

    private static ReadOnlyMemory<byte> Table(byte[] font, string tag)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = 12 + i * 16;
            if (System.Text.Encoding.ASCII.GetString(font, record, 4) == tag)
                return font.AsMemory((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)), (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12)));
        }
        throw new InvalidDataException($"no {tag} table");
    }
}
