using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Compliance.Reports.Xlsx;

/// <summary>
/// Writes one sheet's rows, cell by cell: <c>sheet.Write("ACME").Write(12).Write(date).EndRow()</c>.
/// The XML is produced by hand into a 64 KB buffer; a full buffer is compressed into the zip entry on a pool
/// thread while the next one fills, so generating and compressing overlap and memory stays at two buffers. Cells carry no reference (r): they are consecutive in their row,
/// so an empty value is written as an empty cell to keep the columns aligned.
/// </summary>
public sealed class XlsxSheet
{
    internal const int MaxColumns = 16_384;
    internal const int MaxRows = 1_048_576;
    /// <summary>Excel refuses longer cell text (the file needs repair); longer values are cut.</summary>
    public const int MaxTextLength = 32_767;

    private const int BufferSize = 64 * 1024;

    // Characters that need more than a plain UTF-8 copy: XML markup, carriage return (a parser would turn it into
    // a line feed), the underscore of OOXML's _xHHHH_ escapes and the control characters XML 1.0 forbids; then,
    // found by a separate scan, everything from U+D800 up, for surrogates (kept only in valid pairs) and
    // U+FFFE/U+FFFF. One set mixing ASCII and non-ASCII would be scanned several times slower.
    private static readonly SearchValues<char> AsciiSpecial = SearchValues.Create(AsciiSpecialCharacters());

    private readonly Stream _entry;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private byte[] _spare = ArrayPool<byte>.Shared.Rent(BufferSize);
    private Task _writing = Task.CompletedTask;
    private readonly int _columns;
    private int _position;
    private int _rows;
    private int _cellsInRow;
    private bool _inRow;
    private bool _finished;

    internal XlsxSheet(Stream entry, IReadOnlyList<XlsxColumn> columns, bool selected)
    {
        _entry = entry;
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
        Raw("<c s=\"4\"><v>"u8);
        Number(value);
        Raw("</v></c>"u8);
        return this;
    }

    public XlsxSheet Write(long? value) => value is { } v ? Write(v) : WriteEmpty();

    /// <summary>A number shown with two decimals and thousands separators (amounts).</summary>
    public XlsxSheet Write(decimal value)
    {
        StartCell();
        Raw("<c s=\"5\"><v>"u8);
        Reserve(32);
        DecimalDigits(value);
        Raw("</v></c>"u8);
        return this;
    }

    /// <summary>A decimal as its integer digits with the point put in: several times faster than decimal.TryFormat.</summary>
    private void DecimalDigits(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0)
        {
            value.TryFormat(_buffer.AsSpan(_position), out var formatted, default, CultureInfo.InvariantCulture);
            _position += formatted;
            return;
        }
        if (bits[3] < 0) _buffer[_position++] = (byte)'-';
        var mantissa = (uint)bits[0] | (ulong)(uint)bits[1] << 32;
        Span<byte> digits = stackalloc byte[20];
        mantissa.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
        if (count <= scale)
        {
            // 0.00ddd: leading zeros before the digits
            "0."u8.CopyTo(_buffer.AsSpan(_position));
            _position += 2;
            _buffer.AsSpan(_position, scale - count).Fill((byte)'0');
            _position += scale - count;
            digits[..count].CopyTo(_buffer.AsSpan(_position));
            _position += count;
            return;
        }
        digits[..(count - scale)].CopyTo(_buffer.AsSpan(_position));
        _position += count - scale;
        if (scale == 0) return;
        _buffer[_position++] = (byte)'.';
        digits[(count - scale)..count].CopyTo(_buffer.AsSpan(_position));
        _position += scale;
    }

    public XlsxSheet Write(decimal? value) => value is { } v ? Write(v) : WriteEmpty();

    /// <summary>A number in the General format (all its digits). NaN and infinities have no cell value and stay empty.</summary>
    public XlsxSheet Write(double value)
    {
        if (!double.IsFinite(value)) return WriteEmpty();
        StartCell();
        Raw("<c><v>"u8);
        Number(value);
        Raw("</v></c>"u8);
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
        Flush();
        _writing.GetAwaiter().GetResult();
        _entry.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_spare);
        _finished = true;
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
        if (value < new DateTime(1900, 3, 1)) return Text(value.ToString(textFormat, CultureInfo.InvariantCulture), 0);
        StartCell();
        Raw(style == XlsxStyles.Date ? "<c s=\"2\"><v>"u8 : "<c s=\"3\"><v>"u8);
        // The serial number is days since 1899-12-30 plus the fraction of the day. Written with integer arithmetic
        // (ten decimals resolve 9 µs, so the millisecond comes back exactly) instead of formatting a double.
        Number((value.Date - new DateTime(1899, 12, 30)).Days);
        var milliseconds = (long)value.TimeOfDay.TotalMilliseconds;
        if (milliseconds > 0)
        {
            var fraction = (milliseconds * 10_000_000_000L + 43_200_000) / 86_400_000;
            Reserve(11);
            _buffer[_position++] = (byte)'.';
            fraction.TryFormat(_buffer.AsSpan(_position), out var written, "D10", CultureInfo.InvariantCulture);
            _position += written;
            while (_buffer[_position - 1] == '0') _position--;
        }
        Raw("</v></c>"u8);
        return this;
    }

    private XlsxSheet Text(string value, int style)
    {
        StartCell();
        var text = value.AsSpan();
        if (text.Length > MaxTextLength)
            text = text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
        Raw(style switch
        {
            XlsxStyles.Header => "<c s=\"1\" t=\"inlineStr\"><is><t"u8,
            XlsxStyles.QuotedText => "<c s=\"6\" t=\"inlineStr\"><is><t"u8,
            _ => "<c t=\"inlineStr\"><is><t"u8,
        });
        // Excel trims leading and trailing spaces unless told not to.
        if (!text.IsEmpty && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) Raw(" xml:space=\"preserve\""u8);
        Raw(">"u8);
        Escaped(text);
        Raw("</t></is></c>"u8);
        return this;
    }

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
        Raw("<row r=\""u8);
        Number(_rows);
        Raw("\">"u8);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > BufferSize - _position) Flush();
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    private void Ascii(string text)
    {
        Reserve(text.Length);
        foreach (var c in text) _buffer[_position++] = (byte)c;
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
        Reserve(20);
        value.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    private void Number(double value)
    {
        Reserve(32);
        value.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    private void Reserve(int bytes)
    {
        if (bytes > BufferSize - _position) Flush();
    }

    private void Flush()
    {
        // The previous write must be done before its buffer is reused; a failed write surfaces here.
        _writing.GetAwaiter().GetResult();
        var (full, length) = (_buffer, _position);
        _writing = Task.Run(() => _entry.Write(full, 0, length));
        (_buffer, _spare) = (_spare, full);
        _position = 0;
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
