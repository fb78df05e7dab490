using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Compliance.Reports.Xlsx;

/// <summary>
/// Writes one sheet's rows, cell by cell: <c>sheet.Write("ACME").Write(12).Write(date).EndRow()</c>.
/// The XML is produced by hand as UTF-8 straight into 128 KB chunks (no strings, no XmlWriter); full chunks
/// go through a <see cref="ChunkPipe"/> to a thread that compresses them into the zip entry while the next ones
/// fill, so generating and compressing overlap and memory stays at a few chunks. Cells carry no reference (r):
/// they are consecutive in their row, so an empty value is written as an empty cell to keep the columns aligned.
/// </summary>
public sealed class XlsxSheet
{
    internal const int MaxColumns = 16_384;
    internal const int MaxRows = 1_048_576;
    /// <summary>Excel refuses longer cell text (the file needs repair); longer values are cut.</summary>
    public const int MaxTextLength = 32_767;

    // A chunk holds the longest cell (32,767 UTF-16 units, at most 3 UTF-8 bytes each) in one piece. Four of them
    // (512 KB) let the compressing thread run three chunks ahead and stay in the cores' caches: sixteen cost the
    // producer more CPU time in cache misses than they saved in waiting, measured.
    private const int ChunkSize = 128 * 1024;
    private const int ChunkCount = 4;

    // Characters that need more than a plain UTF-8 copy: XML markup, carriage return (a parser would turn it into
    // a line feed), the underscore of OOXML's _xHHHH_ escapes and the control characters XML 1.0 forbids; then,
    // found by a separate scan, everything from U+D800 up, for surrogates (kept only in valid pairs) and
    // U+FFFE/U+FFFF. One set mixing ASCII and non-ASCII would be scanned several times slower.
    private static readonly SearchValues<char> AsciiSpecial = SearchValues.Create(AsciiSpecialCharacters());

    // The same in UTF-8, for text already transcoded. U+FFFE/U+FFFF (EF BF BE/BF) are looked for apart, and only in
    // text that is not all ASCII: an ASCII-only set is searched several times faster.
    private static readonly SearchValues<byte> Utf8Special = SearchValues.Create([.. AsciiSpecialCharacters().Select(c => (byte)c)]);

    private static readonly long EpochDay = new DateTime(1899, 12, 30).Ticks / TimeSpan.TicksPerDay;
    private static readonly long FirstSerialTicks = new DateTime(1900, 3, 1).Ticks;

    private readonly Stream _entry;
    private readonly ChunkPipe _pipe;
    private byte[] _buffer;
    private byte[] _scratch = new byte[256];
    private readonly int _columns;
    private int _position;
    private int _rows;
    private int _cellsInRow;
    private bool _inRow;
    private bool _finished;

    internal XlsxSheet(Stream entry, IReadOnlyList<XlsxColumn> columns, bool selected)
    {
        _entry = entry;
        _pipe = new ChunkPipe(entry, ChunkSize, ChunkCount);
        _buffer = _pipe.Rent();
        _columns = columns.Count;
        Raw("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""u8);
        Raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetViews><sheetView workbookViewId=\"0\""u8);
        if (selected) Raw(" tabSelected=\"1\""u8);
        // The header row stays in view while scrolling.
        Raw("""><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>"""u8);
        for (var i = 0; i < columns.Count; i++)
        {
            var width = columns[i].Width;
            if (!double.IsFinite(width) || width is <= 0 or > 255)
                throw new ArgumentOutOfRangeException(nameof(columns), $"Column '{columns[i].Header}' needs a width between 0 and 255 characters.");
            Raw("<col min=\""u8); Number(i + 1); Raw("\" max=\""u8); Number(i + 1);
            Raw("\" width=\""u8); Number(Math.Round(width, 2)); Raw("\" customWidth=\"1\"/>"u8);
        }
        Raw("</cols><sheetData>"u8);
        foreach (var column in columns) Text(column.Header, XlsxStyles.Header);
        EndRow();
    }

    /// <summary>Rows written so far, the header row included.</summary>
    public int RowCount => _rows;

    /// <summary>A text cell. Text that looks like a formula is shown as typed (quotePrefix) and never evaluated.</summary>
    public XlsxSheet Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return WriteEmpty();
        return Text(value, FormulaInjection.IsRisky(value) ? XlsxStyles.QuotedText : 0);
    }

    public XlsxSheet Write(long value)
    {
        StartCell();
        var span = Reserve(48);
        "<c s=\"4\"><v>"u8.CopyTo(span);
        var length = 12 + Integer(span[12..], value);
        "</v></c>"u8.CopyTo(span[length..]);
        _position += length + 8;
        return this;
    }

    public XlsxSheet Write(long? value) => value is { } v ? Write(v) : WriteEmpty();

    /// <summary>A number shown with two decimals and thousands separators (amounts).</summary>
    public XlsxSheet Write(decimal value)
    {
        StartCell();
        var span = Reserve(64);
        "<c s=\"5\"><v>"u8.CopyTo(span);
        var length = 12 + DecimalDigits(span[12..], value);
        "</v></c>"u8.CopyTo(span[length..]);
        _position += length + 8;
        return this;
    }

    public XlsxSheet Write(decimal? value) => value is { } v ? Write(v) : WriteEmpty();

    /// <summary>A number in the General format (all its digits). NaN and infinities have no cell value and stay empty.</summary>
    public XlsxSheet Write(double value)
    {
        if (!double.IsFinite(value)) return WriteEmpty();
        StartCell();
        var span = Reserve(64);
        "<c><v>"u8.CopyTo(span);
        var length = 6 + Double(span[6..], value);
        "</v></c>"u8.CopyTo(span[length..]);
        _position += length + 8;
        return this;
    }

    public XlsxSheet Write(double? value) => value is { } v ? Write(v) : WriteEmpty();

    /// <summary>A date and time (yyyy-mm-dd hh:mm:ss), stored as Excel's serial number; the kind is not converted.</summary>
    public XlsxSheet Write(DateTime value) => Serial(value, XlsxStyles.DateTime, "yyyy-MM-dd HH:mm:ss");

    public XlsxSheet Write(DateTime? value) => value is { } v ? Write(v) : WriteEmpty();

    public XlsxSheet Write(DateOnly value) => Serial(value.ToDateTime(TimeOnly.MinValue), XlsxStyles.Date, "yyyy-MM-dd");

    public XlsxSheet Write(DateOnly? value) => value is { } v ? Write(v) : WriteEmpty();

    public XlsxSheet Write(bool value)
    {
        StartCell();
        Raw(value ? "<c t=\"b\"><v>1</v></c>"u8 : "<c t=\"b\"><v>0</v></c>"u8);
        return this;
    }

    public XlsxSheet WriteEmpty()
    {
        StartCell();
        Raw("<c/>"u8);
        return this;
    }

    public XlsxSheet EndRow()
    {
        if (!_inRow) StartRow();
        Raw("</row>"u8);
        _inRow = false;
        return this;
    }

    /// <summary>Closes the sheet (autofilter over the header and all rows) and its zip entry; returns the row count.</summary>
    internal int Finish()
    {
        if (_finished) return _rows;
        if (_inRow) EndRow();
        Raw("</sheetData><autoFilter ref=\"A1:"u8);
        Ascii(ColumnName(_columns - 1));
        Number(_rows);
        Raw("\"/></worksheet>"u8);
        _finished = true;
        var (last, length) = (_buffer, _position);
        _buffer = [];
        _position = 0;
        _pipe.Complete(last, length);
        _entry.Dispose();
        return _rows;
    }

    /// <summary>A zero-based column index as Excel names it: 0 = A, 25 = Z, 26 = AA.</summary>
    internal static string ColumnName(int index)
    {
        Span<char> name = stackalloc char[3];
        var length = 0;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name[length++] = (char)('A' + (n - 1) % 26);
        name = name[..length];
        name.Reverse();
        return new string(name);
    }

    // Excel shows serial numbers as dates only from 1900-03-01 (its 1900 leap-year bug lies before that);
    // earlier dates are kept as ISO text rather than shown wrong.
    private XlsxSheet Serial(DateTime value, int style, string textFormat)
    {
        if (value.Ticks < FirstSerialTicks) return Text(value.ToString(textFormat, CultureInfo.InvariantCulture), 0);
        StartCell();
        var span = Reserve(64);
        (style == XlsxStyles.Date ? "<c s=\"2\"><v>"u8 : "<c s=\"3\"><v>"u8).CopyTo(span);
        // The serial number is days since 1899-12-30 plus the fraction of the day. Written with integer arithmetic
        // (ten decimals resolve 9 µs, so the millisecond comes back exactly) instead of formatting a double.
        var days = Math.DivRem(value.Ticks, TimeSpan.TicksPerDay, out var ticksOfDay);
        var length = 12 + Integer(span[12..], days - EpochDay);
        var milliseconds = ticksOfDay / TimeSpan.TicksPerMillisecond;
        if (milliseconds > 0)
        {
            var fraction = (ulong)((milliseconds * 10_000_000_000L + 43_200_000) / 86_400_000);
            span[length] = (byte)'.';
            Digits(span.Slice(length + 1, 10), fraction);
            length += 11;
            while (span[length - 1] == '0') length--;
        }
        "</v></c>"u8.CopyTo(span[length..]);
        _position += length + 8;
        return this;
    }

    private XlsxSheet Text(string value, int style)
    {
        StartCell();
        var text = value.AsSpan();
        if (text.Length > MaxTextLength)
            text = text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
        var open = style switch
        {
            XlsxStyles.Header => "<c s=\"1\" t=\"inlineStr\"><is><t"u8,
            XlsxStyles.QuotedText => "<c s=\"6\" t=\"inlineStr\"><is><t"u8,
            _ => "<c t=\"inlineStr\"><is><t"u8,
        };
        // Excel trims leading and trailing spaces unless told not to.
        var preserve = !text.IsEmpty && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));
        var span = Reserve(open.Length + 22 + text.Length * 3 + 13);
        open.CopyTo(span);
        var length = open.Length;
        if (preserve)
        {
            " xml:space=\"preserve\""u8.CopyTo(span[length..]);
            length += 21;
        }
        span[length++] = (byte)'>';
        // Transcode first, then look for what needs escaping in the bytes: one vectorised pass each, and most
        // text needs nothing more. Invalid UTF-16 (a lone surrogate) takes the character-by-character path.
        if (Utf8.FromUtf16(text, span[length..], out _, out var written, replaceInvalidSequences: false) is OperationStatus.Done)
        {
            var utf8 = span.Slice(length, written);
            var ascii = written == text.Length;
            var nonCharacter = ascii ? written : NextNonCharacter(utf8);
            var special = NextAsciiSpecial(utf8[..nonCharacter]);
            if (special < 0 && nonCharacter < written) special = nonCharacter;
            if (special < 0)
            {
                "</t></is></c>"u8.CopyTo(span[(length + written)..]);
                _position += length + written + 13;
                return this;
            }
            // The bytes before the first special are final; the rest is escaped from a copy, as it may grow.
            var tail = utf8[special..];
            if (_scratch.Length < tail.Length) _scratch = new byte[Math.Max(tail.Length, _scratch.Length * 2)];
            tail.CopyTo(_scratch);
            _position += length + special;
            EscapedUtf8(_scratch.AsSpan(0, tail.Length), ascii);
        }
        else
        {
            _position += length;
            Escaped(text);
        }
        Raw("</t></is></c>"u8);
        return this;
    }

    /// <summary>The first ASCII byte that needs escaping or dropping (an underscore only where it starts _xHHHH_), or -1.</summary>
    private static int NextAsciiSpecial(ReadOnlySpan<byte> utf8)
    {
        var from = 0;
        while (true)
        {
            var i = utf8[from..].IndexOfAny(Utf8Special);
            if (i < 0) return -1;
            i += from;
            if (utf8[i] != '_' || IsOoxmlEscape(utf8[i..])) return i;
            from = i + 1;
        }
    }

    /// <summary>Where U+FFFE or U+FFFF starts, or the length when neither occurs.</summary>
    private static int NextNonCharacter(ReadOnlySpan<byte> utf8)
    {
        var from = 0;
        while (true)
        {
            var i = utf8[from..].IndexOf((byte)0xEF);
            if (i < 0) return utf8.Length;
            i += from;
            if (IsNonCharacter(utf8[i..])) return i;
            from = i + 1;
        }
    }

    /// <summary>Valid UTF-8 escaped as the UTF-16 path does: markup and CR as references, forbidden characters dropped.</summary>
    private void EscapedUtf8(ReadOnlySpan<byte> utf8, bool ascii)
    {
        // Kept across iterations, so text with many '&' is not rescanned for a distant noncharacter.
        var nonCharacter = ascii ? utf8.Length : NextNonCharacter(utf8);
        var at = 0;
        while (at < utf8.Length)
        {
            var i = NextAsciiSpecial(utf8[at..nonCharacter]);
            var stop = i < 0 ? nonCharacter : at + i;
            Raw(utf8[at..stop]);
            if (stop == utf8.Length) return;
            if (i < 0)
            {
                // U+FFFE or U+FFFF: dropped
                at = stop + 3;
                nonCharacter = at + NextNonCharacter(utf8[at..]);
                continue;
            }
            switch (utf8[stop])
            {
                case (byte)'<': Raw("&lt;"u8); break;
                case (byte)'>': Raw("&gt;"u8); break;
                case (byte)'&': Raw("&amp;"u8); break;
                case (byte)'\r': Raw("&#13;"u8); break;
                case (byte)'_': Raw("_x005F_"u8); break; // found only where it starts _xHHHH_
                default: break; // a control character XML 1.0 forbids: dropped
            }
            at = stop + 1;
        }
    }

    private static bool IsNonCharacter(ReadOnlySpan<byte> utf8) => utf8.Length >= 3 && utf8[1] == 0xBF && utf8[2] is 0xBE or 0xBF;

    private void Escaped(ReadOnlySpan<char> text)
    {
        const int None = int.MaxValue;
        var ascii = System.Text.Ascii.IsValid(text);
        // Kept across iterations, so text full of non-ASCII specials is not rescanned for a distant '&'.
        var nextAscii = NextAsciiSpecial(text);
        while (!text.IsEmpty)
        {
            var i = nextAscii;
            if (!ascii && IndexOfSurrogateOrAbove(i == None ? text : text[..i]) is var high and >= 0) i = high;
            if (i == None)
            {
                Plain(text);
                return;
            }
            Plain(text[..i]);
            var c = text[i];
            var consumed = 1;
            switch (c)
            {
                case '<': Raw("&lt;"u8); break;
                case '>': Raw("&gt;"u8); break;
                case '&': Raw("&amp;"u8); break;
                case '\r': Raw("&#13;"u8); break;
                // A literal "_x0041_" would be read back as "A"; escaping its underscore keeps it literal.
                case '_': Raw(IsOoxmlEscape(text[i..]) ? "_x005F_"u8 : "_"u8); break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    Plain(text.Slice(i, 2));
                    consumed = 2;
                    break;
                case >= '\uE000' and <= '\uFFFD': Plain(text.Slice(i, 1)); break;
                default: break; // forbidden in XML 1.0 or a lone surrogate: dropped
            }
            var advance = i + consumed;
            text = text[advance..];
            nextAscii = nextAscii == None ? None : nextAscii >= advance ? nextAscii - advance : NextAsciiSpecial(text);
        }

        static int NextAsciiSpecial(ReadOnlySpan<char> text) => text.IndexOfAny(AsciiSpecial) is var i and >= 0 ? i : None;
    }

    private static bool IsOoxmlEscape(ReadOnlySpan<char> text) =>
        text.Length >= 7 && text[1] == 'x' && text[6] == '_' && char.IsAsciiHexDigit(text[2]) && char.IsAsciiHexDigit(text[3])
        && char.IsAsciiHexDigit(text[4]) && char.IsAsciiHexDigit(text[5]);

    private static bool IsOoxmlEscape(ReadOnlySpan<byte> utf8) =>
        utf8.Length >= 7 && utf8[1] == 'x' && utf8[6] == '_' && char.IsAsciiHexDigit((char)utf8[2]) && char.IsAsciiHexDigit((char)utf8[3])
        && char.IsAsciiHexDigit((char)utf8[4]) && char.IsAsciiHexDigit((char)utf8[5]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartCell()
    {
        if (!_inRow) StartRow();
        if (++_cellsInRow > MaxColumns) throw new InvalidOperationException($"A row has at most {MaxColumns} cells.");
    }

    private void StartRow()
    {
        if (_finished) throw new InvalidOperationException("This sheet is finished: rows go to the sheet added last.");
        if (_rows == MaxRows) throw new InvalidOperationException($"A sheet has at most {MaxRows} rows.");
        _rows++;
        _inRow = true;
        _cellsInRow = 0;
        var span = Reserve(24);
        "<row r=\""u8.CopyTo(span);
        var length = 8 + Integer(span[8..], _rows);
        "\">"u8.CopyTo(span[length..]);
        _position += length + 2;
    }

    /// <summary>Room for <paramref name="bytes"/> at the write position (flushing the chunk if need be).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int bytes)
    {
        if (bytes > _buffer.Length - _position) Flush(bytes);
        return _buffer.AsSpan(_position);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > _buffer.Length - _position)
        {
            // Longer than what is left: fill the chunk, so a long escaped text never needs a bigger one.
            var room = _buffer.Length - _position;
            bytes[..room].CopyTo(_buffer.AsSpan(_position));
            _position += room;
            bytes = bytes[room..];
            Flush(0);
        }
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    private void Ascii(string text)
    {
        var span = Reserve(text.Length);
        for (var i = 0; i < text.Length; i++) span[i] = (byte)text[i];
        _position += text.Length;
    }

    private void Plain(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            Reserve(4); // room for the longest UTF-8 sequence, so every pass makes progress
            Utf8.FromUtf16(text, _buffer.AsSpan(_position), out var read, out var written);
            _position += written;
            text = text[read..];
        }
    }

    private void Number(long value)
    {
        var span = Reserve(20);
        _position += Integer(span, value);
    }

    private void Number(double value)
    {
        var span = Reserve(32);
        _position += Double(span, value);
    }

    /// <summary>Shortest round-trip digits; whole numbers (most counts and amounts) take the integer path.</summary>
    private static int Double(Span<byte> span, double value) =>
        Math.Abs(value) < 1e15 && value == Math.Floor(value) ? Integer(span, (long)value) : ShortestDouble.Format(span, value);

    /// <summary>A decimal as its integer digits with the point put in: several times faster than decimal.TryFormat.</summary>
    private static int DecimalDigits(Span<byte> span, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0)
        {
            value.TryFormat(span, out var formatted, default, CultureInfo.InvariantCulture);
            return formatted;
        }
        var length = 0;
        if (bits[3] < 0) span[length++] = (byte)'-';
        var mantissa = (uint)bits[0] | (ulong)(uint)bits[1] << 32;
        var count = DigitCount(mantissa);
        if (count <= scale)
        {
            // 0.00ddd: leading zeros before the digits
            "0."u8.CopyTo(span[length..]);
            length += 2;
            span.Slice(length, scale - count).Fill((byte)'0');
            length += scale - count;
            Digits(span.Slice(length, count), mantissa);
            return length + count;
        }
        if (scale == 0)
        {
            Digits(span.Slice(length, count), mantissa);
            return length + count;
        }
        var (whole, fraction) = Math.DivRem(mantissa, Pow10[scale]);
        Digits(span.Slice(length, count - scale), whole);
        length += count - scale;
        span[length++] = (byte)'.';
        Digits(span.Slice(length, scale), fraction);
        return length + scale;
    }

    private static readonly ulong[] Pow10 = [.. Enumerable.Range(0, 20).Select(i => (ulong)Math.Pow(10, i))];

    private static int Integer(Span<byte> span, long value)
    {
        if (value >= 0)
        {
            var count = DigitCount((ulong)value);
            Digits(span[..count], (ulong)value);
            return count;
        }
        span[0] = (byte)'-';
        var magnitude = (ulong)-(value + 1) + 1; // long.MinValue too
        var digits = DigitCount(magnitude);
        Digits(span.Slice(1, digits), magnitude);
        return digits + 1;
    }

    internal static int DigitCount(ulong value)
    {
        var count = 1;
        while (value >= 10_000) { value /= 10_000; count += 4; }
        return value < 10 ? count : value < 100 ? count + 1 : value < 1000 ? count + 2 : count + 3;
    }

    /// <summary>Fills <paramref name="span"/> with the last span.Length digits of value, two at a time, zero-padded.</summary>
    internal static void Digits(Span<byte> span, ulong value)
    {
        var i = span.Length;
        while (i >= 2)
        {
            (value, var pair) = Math.DivRem(value, 100);
            i -= 2;
            span[i] = TwoDigits[(int)pair * 2];
            span[i + 1] = TwoDigits[(int)pair * 2 + 1];
        }
        if (i == 1) span[0] = (byte)('0' + value % 10);
    }

    private static ReadOnlySpan<byte> TwoDigits => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private void Flush(int needed)
    {
        if (_finished) throw new InvalidOperationException("This sheet is finished: rows go to the sheet added last.");
        if (needed > ChunkSize) throw new InvalidOperationException($"{needed} bytes do not fit a chunk.");
        _pipe.Submit(_buffer, _position);
        // The chunk is the pipe's now: if renting the next one fails (the output broke), Finish must not hand it back twice.
        (_buffer, _position) = ([], 0);
        _buffer = _pipe.Rent();
    }

    private static string AsciiSpecialCharacters()
    {
        var chars = new List<char> { '<', '>', '&', '\r', '_' };
        for (var c = '\0'; c < ' '; c++)
            if (c is not '\t' and not '\n' and not '\r') chars.Add(c);
        return new string([.. chars]);
    }

    // Vectorised by hand: MemoryExtensions.IndexOfAnyInRange allocates on every call in unoptimised builds.
    private static int IndexOfSurrogateOrAbove(ReadOnlySpan<char> text)
    {
        var units = MemoryMarshal.Cast<char, ushort>(text);
        var i = 0;
        var first = Vector128.Create((ushort)0xD800);
        for (; i + Vector128<ushort>.Count <= units.Length; i += Vector128<ushort>.Count)
            if (Vector128.GreaterThanOrEqualAny(Vector128.Create(units.Slice(i, Vector128<ushort>.Count)), first)) break;
        for (; i < units.Length; i++)
            if (units[i] >= 0xD800) return i;
        return -1;
    }
}
