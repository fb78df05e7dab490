using System.Text;
using Compliance.Reports.Xlsx;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;

namespace Compliance.Tests.Unit.Reports;

public sealed class XlsxWriterTests
{
    private static readonly DateOnly Audited = new(2025, 3, 14);
    private static readonly DateTime Uploaded = new(2025, 11, 2, 16, 45, 30);
    private static readonly string LongText = string.Concat(Enumerable.Repeat("Corrective action verified on site. ", 120));

    static XlsxWriterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Three sheets with the values exports meet: formula-looking text, control characters, non-Latin names.</summary>
    private static byte[] SampleWorkbook()
    {
        using var output = new MemoryStream();
        using (var book = new XlsxWriter(output, leaveOpen: true))
        {
            var suppliers = book.AddSheet("Suppliers", [new("Reference", 12), new("Name", 40), new("Note", 60)]);
            suppliers.Write("S-1").Write("深圳市华强电子有限公司").Write("=HYPERLINK(\"http://evil\",\"click\")").EndRow();
            suppliers.Write("S-2").Write("Công ty TNHH May mặc Việt Tiến").Write("+1 555 0100").EndRow();
            suppliers.Write("S-3").Write("Öztürk Tekstil Sanayi A.Ş.").Write("-2+3").EndRow();
            suppliers.Write("S-4").Write("Bell\u0007 and\u0000 nulls").Write("@SUM(A1:A2)").EndRow();
            suppliers.Write("S-5").Write("\tTabbed").Write("\rReturned").EndRow();
            suppliers.Write("S-6").Write("A & B <Ltd> _x0041_ 😀").Write(LongText).EndRow();
            suppliers.Write("S-7").WriteEmpty().Write("  padded  ").EndRow();
            suppliers.Write("S-8").Write("Lone \uD800 surrogate, \uFFFE noncharacter, \uE000 private use").Write("Line\r\nbreak").EndRow();

            var amounts = book.AddSheet("Amounts & scores", [new("Count", 10), new("Amount", 14), new("Score", 10)]);
            amounts.Write(42).Write(1234567.89m).Write(0.8734).EndRow();
            amounts.Write(-7).Write(-0.5m).Write(double.NaN).EndRow();
            amounts.Write(long.MaxValue).Write(0.005m).Write(1e-300).EndRow();
            amounts.Write(0).Write(100m).Write(-123.456).EndRow();
            amounts.Write(1).Write(79228162514264337593543950335m).Write(1.5e15).EndRow();

            var dates = book.AddSheet("Dates", [new("Audited", 12), new("Uploaded", 20), new("Historic", 12), new("Verified", 10)]);
            dates.Write(Audited).Write(Uploaded).Write(new DateOnly(1890, 1, 1)).Write(true).EndRow();
            dates.Write(new DateOnly(1900, 3, 1)).Write(new DateTime(2026, 12, 31, 23, 59, 59, 999)).Write(new DateOnly(9999, 12, 31)).Write(false).EndRow();
            dates.Write(new DateOnly(2000, 2, 29)).Write(new DateTime(2025, 1, 1, 0, 0, 0, 1)).Write(new DateTime(2025, 6, 30, 12, 0, 0)).Write((DateTime?)null).EndRow();
        }
        return output.ToArray();
    }

    [Fact]
    public void Workbook_passes_the_OpenXml_validator()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleWorkbook()), false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Values_read_back_with_ExcelDataReader_are_the_values_written()
    {
        var sheets = ReadAll(SampleWorkbook());

        Assert.Equal(["Suppliers", "Amounts & scores", "Dates"], sheets.Keys);
        var suppliers = sheets["Suppliers"];
        Assert.Equal(["Reference", "Name", "Note"], suppliers[0]);
        Assert.Equal(["S-1", "深圳市华强电子有限公司", "=HYPERLINK(\"http://evil\",\"click\")"], suppliers[1]);
        Assert.Equal(["S-2", "Công ty TNHH May mặc Việt Tiến", "+1 555 0100"], suppliers[2]);
        Assert.Equal(["S-3", "Öztürk Tekstil Sanayi A.Ş.", "-2+3"], suppliers[3]);
        Assert.Equal(["S-4", "Bell and nulls", "@SUM(A1:A2)"], suppliers[4]);
        Assert.Equal(["S-5", "\tTabbed", "\rReturned"], suppliers[5]);
        Assert.Equal(["S-6", "A & B <Ltd> _x0041_ 😀", LongText], suppliers[6]);
        Assert.Equal(["S-7", null, "  padded  "], suppliers[7]);
        Assert.Equal(["S-8", "Lone  surrogate,  noncharacter, \uE000 private use", "Line\r\nbreak"], suppliers[8]);

        var amounts = sheets["Amounts & scores"];
        Assert.Equal([42d, 1234567.89d, 0.8734d], amounts[1]);
        Assert.Equal([-7d, -0.5d, null], amounts[2]);
        Assert.Equal([(double)long.MaxValue, 0.005d, 1e-300], amounts[3]);
        Assert.Equal([0d, 100d, -123.456d], amounts[4]);
        Assert.Equal([1d, 7.9228162514264337593543950335E+28, 1.5e15], amounts[5]);

        var dates = sheets["Dates"];
        Assert.Equal([Audited.ToDateTime(TimeOnly.MinValue), Uploaded, "1890-01-01", true], dates[1]);
        Assert.Equal([new DateTime(1900, 3, 1), new DateTime(2026, 12, 31, 23, 59, 59, 999), new DateTime(9999, 12, 31), false], dates[2]);
        Assert.Equal([new DateTime(2000, 2, 29), new DateTime(2025, 1, 1, 0, 0, 0, 1), new DateTime(2025, 6, 30, 12, 0, 0), null], dates[3]);
    }

    [Fact]
    public void Long_text_mixing_emoji_markup_and_invalid_characters_reads_back_cleaned()
    {
        var text = string.Concat(Enumerable.Repeat("😀&_x0041_\uD800<Öz ", 2_000));
        using var output = new MemoryStream();
        using (var book = new XlsxWriter(output, leaveOpen: true)) book.AddSheet("Notes", [new("Note", 80)]).Write(text).EndRow();

        var note = ReadAll(output.ToArray())["Notes"][1][0];

        Assert.Equal(text.Replace("\uD800", "", StringComparison.Ordinal), note);
    }

    [Theory]
    // Valid UTF-16 takes the UTF-8 path: noncharacters dropped, U+FF08 (which also starts with byte 0xEF) kept,
    // escapes and underscores as on the character path.
    [InlineData("Öz \uFFFE\uFFFF（全角）_x0041_ a_b & <c>\r\n", "Öz （全角）_x0041_ a_b & <c>\r\n")]
    [InlineData("plain_x004_ _x00G1_ _x0041", "plain_x004_ _x00G1_ _x0041")]
    [InlineData("tab\tbell\u0007 \u001F end", "tab\tbell  end")]
    [InlineData("深圳\uFFFF市", "深圳市")]
    public void Text_is_escaped_and_cleaned_on_the_fast_path_as_on_the_slow_one(string written, string expected)
    {
        using var output = new MemoryStream();
        using (var book = new XlsxWriter(output, leaveOpen: true)) book.AddSheet("Notes", [new("Note", 80)]).Write(written).EndRow();

        Assert.Equal(expected, ReadAll(output.ToArray())["Notes"][1][0]);
    }

    [Fact]
    public void Text_whose_escaped_form_outgrows_a_chunk_reads_back_whole()
    {
        // 32,767 characters of which most escape to five bytes: well over the writer's 128 KB chunk.
        var text = ("_x0041_<>" + string.Concat(Enumerable.Repeat("&&&&&&&&&é", 3_300)))[..XlsxSheet.MaxTextLength];
        using var output = new MemoryStream();
        using (var book = new XlsxWriter(output, leaveOpen: true))
        {
            var sheet = book.AddSheet("Notes", [new("Note", 80), new("After", 10)]);
            sheet.Write(text).Write(1).EndRow();
            sheet.Write(text + "cut").Write(2).EndRow();
        }

        var rows = ReadAll(output.ToArray())["Notes"];

        Assert.Equal([text, 1d], rows[1]);
        Assert.Equal([text, 2d], rows[2]);
    }

    [Fact]
    public void Rows_spread_over_many_chunks_read_back_in_order()
    {
        const int count = 60_000; // several MB of XML: many chunks through the compressing thread
        using var output = new MemoryStream();
        using (var book = new XlsxWriter(output, leaveOpen: true))
        {
            var sheet = book.AddSheet("Rows", [new("Id", 10), new("Name", 30), new("Amount", 12), new("Score", 10), new("At", 20)]);
            for (var i = 0; i < count; i++)
                sheet.Write(i).Write($"Supplier {i} & Söhne").Write(i * 1.25m).Write(i / 7.0).Write(Uploaded.AddMinutes(i)).EndRow();
            book.AddSheet("After", [new("Note", 10)]).Write("last").EndRow();
        }

        var sheets = ReadAll(output.ToArray());

        var rows = sheets["Rows"];
        Assert.Equal(count + 1, rows.Count);
        for (var i = 0; i < count; i += 997)
            Assert.Equal([(double)i, $"Supplier {i} & Söhne", (double)(i * 1.25m), i / 7.0, Uploaded.AddMinutes(i)], rows[i + 1]);
        Assert.Equal([(double)(count - 1), $"Supplier {count - 1} & Söhne", (double)((count - 1) * 1.25m), (count - 1) / 7.0, Uploaded.AddMinutes(count - 1)], rows[count]);
        Assert.Equal("last", sheets["After"][1][0]);
    }

    [Fact]
    public void An_output_that_fails_surfaces_as_an_exception_not_a_hang()
    {
        var error = Record.Exception(() =>
        {
            using var book = new XlsxWriter(new FailingStream(failAfter: 100_000));
            var sheet = book.AddSheet("Rows", [new("Id", 10), new("Name", 40)]);
            for (var i = 0; i < 1_000_000; i++) sheet.Write(i).Write("Dhaka Knit Composite Ltd.").EndRow();
        });

        Assert.IsAssignableFrom<IOException>(error);
    }

    [Theory]
    [InlineData("C2")]
    [InlineData("C3")]
    [InlineData("C4")]
    [InlineData("C5")]
    [InlineData("B6")]
    [InlineData("C6")]
    public void Formula_looking_text_is_marked_to_show_as_typed(string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleWorkbook()), false);

        var (cell, format) = CellAt(document, "Suppliers", reference);

        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        Assert.True(format.QuotePrefix?.Value);
    }

    [Fact]
    public void Plain_text_is_not_marked()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleWorkbook()), false);

        var (_, format) = CellAt(document, "Suppliers", "B2");

        Assert.NotEqual(true, format.QuotePrefix?.Value);
    }

    [Fact]
    public void Header_row_is_bold_filled_frozen_and_filtered()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleWorkbook()), false);
        var worksheet = WorksheetPart(document, "Suppliers").Worksheet;

        var (_, header) = CellAt(document, "Suppliers", "A1");
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)header.FontId!.Value);
        var fill = stylesheet.Fills!.Elements<Fill>().ElementAt((int)header.FillId!.Value);
        var pane = worksheet.Descendants<Pane>().Single();

        Assert.NotNull(font.Bold);
        Assert.Equal(PatternValues.Solid, fill.PatternFill!.PatternType!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:C9", worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal([12d, 40d, 60d], worksheet.Descendants<Column>().Select(c => c.Width!.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Q1/Q2")]
    [InlineData("'quoted'")]
    [InlineData("A name that is longer than thirty-one characters")]
    public void AddSheet_with_a_name_Excel_refuses_throws(string name)
    {
        using var book = new XlsxWriter(new MemoryStream());

        Assert.Throws<ArgumentException>(() => book.AddSheet(name, [new("A", 10)]));
        book.AddSheet("Valid", [new("A", 10)]);
    }

    [Fact]
    public void Rows_go_out_as_they_are_written_so_memory_stays_flat()
    {
        var names = new[] { "深圳市华强电子有限公司", "Öztürk Tekstil Sanayi A.Ş.", "=cmd|' /C calc'!A0" };
        using var output = new CountingStream();
        using var book = new XlsxWriter(output);
        var sheet = book.AddSheet("Rows", [new("Id", 10), new("Name", 40), new("Amount", 12), new("Uploaded", 20)]);
        for (var i = 0; i < 1_000; i++) sheet.Write(i).Write(names[i % 3]).Write(i * 1.25m).Write(Uploaded).EndRow();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200_000; i++) sheet.Write(i).Write(names[i % 3]).Write(i * 1.25m).Write(Uploaded).EndRow();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 200k rows are ~25 MB of XML; a writer that kept them would allocate at least that much.
        Assert.True(allocated < 1_000_000, $"{allocated:N0} bytes allocated");
        Assert.True(output.Written > 1_000_000, "the compressed rows reached the output while writing");
    }

    private static Dictionary<string, List<object?[]>> ReadAll(byte[] workbook)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(workbook));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
            sheets.Add(reader.Name, rows);
        } while (reader.NextResult());
        return sheets;
    }

    private static WorksheetPart WorksheetPart(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
    }

    private static (Cell Cell, CellFormat Format) CellAt(SpreadsheetDocument document, string sheetName, string reference)
    {
        // Our cells carry no reference: find them by row number and position.
        var row = WorksheetPart(document, sheetName).Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == uint.Parse(reference[1..]));
        var cell = row.Elements<Cell>().ElementAt(reference[0] - 'A');
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>();
        return (cell, formats.ElementAt((int)(cell.StyleIndex?.Value ?? 0)));
    }

    /// <summary>An output that takes some bytes, then fails like a client that went away.</summary>
    private sealed class FailingStream(long failAfter) : Stream
    {
        private long _written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            _written += count;
            if (_written > failAfter) throw new IOException("The client went away.");
        }
    }

    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    }
}
