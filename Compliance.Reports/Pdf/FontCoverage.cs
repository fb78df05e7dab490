using System.Buffers.Binary;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Which Unicode code points a TrueType font has glyphs for, read from its cmap table (formats 4 and 12).
/// PDFsharp draws a blank box for a missing glyph instead of falling back, so text runs ask this first.
/// </summary>
internal sealed class FontCoverage
{
    private readonly ulong[] _bits = new ulong[0x110000 / 64];

    public bool Has(int codePoint) => (uint)codePoint < 0x110000 && (_bits[codePoint >> 6] & (1UL << (codePoint & 63))) != 0;

    public static FontCoverage Read(ReadOnlySpan<byte> font)
    {
        var coverage = new FontCoverage();
        var cmap = Table(font, "cmap"u8);
        var subtable = BestSubtable(cmap);
        if (subtable < 0) throw new InvalidDataException("The font has no Unicode cmap.");
        var table = cmap[subtable..];
        switch (U16(table, 0))
        {
            case 4: coverage.ReadFormat4(table); break;
            case 12: coverage.ReadFormat12(table); break;
            default: throw new InvalidDataException($"cmap format {U16(table, 0)} is not supported.");
        }
        return coverage;
    }

    private void Add(int codePoint) => _bits[codePoint >> 6] |= 1UL << (codePoint & 63);

    private void ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = U16(table, 6) / 2;
        var ends = 14;
        var starts = ends + segments * 2 + 2;
        var deltas = starts + segments * 2;
        var rangeOffsets = deltas + segments * 2;
        for (var s = 0; s < segments; s++)
        {
            int start = U16(table, starts + s * 2), end = U16(table, ends + s * 2);
            var delta = (short)U16(table, deltas + s * 2);
            var rangeOffset = U16(table, rangeOffsets + s * 2);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    glyph = U16(table, rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) Add(c);
            }
        }
    }

    private void ReadFormat12(ReadOnlySpan<byte> table)
    {
        var groups = (int)U32(table, 12);
        for (var g = 0; g < groups; g++)
        {
            var group = 16 + g * 12;
            var (start, end, glyph) = (U32(table, group), Math.Min(U32(table, group + 4), 0x10FFFFu), U32(table, group + 8));
            for (var c = start; c <= end; c++)
                if (glyph + (c - start) != 0) Add((int)c);
        }
    }

    /// <summary>Prefers the full-repertoire subtable (Windows UCS-4), then Windows BMP, then any Unicode one.</summary>
    private static int BestSubtable(ReadOnlySpan<byte> cmap)
    {
        var (best, rank) = (-1, 0);
        for (var i = 0; i < U16(cmap, 2); i++)
        {
            var record = 4 + i * 8;
            var (platform, encoding) = (U16(cmap, record), U16(cmap, record + 2));
            var offset = (int)U32(cmap, record + 4);
            var format = U16(cmap, offset);
            var r = (platform, encoding, format) switch
            {
                (3, 10, 12) => 4,
                (0, _, 12) => 3,
                (3, 1, 4) => 2,
                (0, _, 4) => 1,
                _ => 0,
            };
            if (r > rank) (best, rank) = (offset, r);
        }
        return best;
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, ReadOnlySpan<byte> tag)
    {
        for (var i = 0; i < U16(font, 4); i++)
        {
            var record = 12 + i * 16;
            if (font.Slice(record, 4).SequenceEqual(tag))
                return font.Slice((int)U32(font, record + 8), (int)U32(font, record + 12));
        }
        throw new InvalidDataException($"The font has no {System.Text.Encoding.ASCII.GetString(tag)} table.");
    }

    private static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
}
