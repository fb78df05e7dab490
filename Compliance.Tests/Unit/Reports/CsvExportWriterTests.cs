using System.Text;
using Compliance.Reports;
using Compliance.Reports.Csv;

namespace Compliance.Tests.Unit.Reports;

public sealed class CsvExportWriterTests
{
    private static string Csv(Action<CsvExportWriter> write)
    {
        using var text = new StringWriter();
        using (var csv = new CsvExportWriter(text)) write(csv);
        return text.ToString();
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcalc", "'\tcalc")]
    [InlineData("Öztürk Tekstil Sanayi A.Ş.", "Öztürk Tekstil Sanayi A.Ş.")]
    [InlineData("a=b", "a=b")]
    public void Text_that_a_spreadsheet_would_run_gets_an_apostrophe(string value, string expected) =>
        Assert.Equal(expected + "\r\n", Csv(csv => csv.Write(value).EndRow()));

    [Fact]
    public void Fields_with_separators_quotes_or_line_breaks_are_quoted()
    {
        var csv = Csv(csv => csv.Write("Acme, Inc.").Write("the \"best\"").Write("two\nlines").Write("=A1,B1").Write("\rCR").EndRow());

        Assert.Equal("\"Acme, Inc.\",\"the \"\"best\"\"\",\"two\nlines\",\"'=A1,B1\",\"'\rCR\"\r\n", csv);
    }

    [Fact]
    public void Numbers_and_dates_are_invariant_values_and_not_neutralised()
    {
        var csv = Csv(csv => csv.Write(-5).Write(-1234.5m).Write(0.25).Write(new DateOnly(2025, 3, 14))
            .Write(new DateTime(2025, 11, 2, 16, 45, 30)).Write(null).Write(true).EndRow());

        Assert.Equal("-5,-1234.5,0.25,2025-03-14,2025-11-02 16:45:30,,true\r\n", csv);
    }

    [Fact]
    public void Create_writes_UTF8_with_a_byte_order_mark()
    {
        using var output = new MemoryStream();
        using (var csv = CsvExportWriter.Create(output, leaveOpen: true)) csv.Write("深圳市华强电子有限公司").EndRow();

        Assert.Equal([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("深圳市华强电子有限公司\r\n")], output.ToArray());
    }

    [Theory]
    [InlineData("=", true)]
    [InlineData("\r", true)]
    [InlineData(" =1", false)]
    [InlineData("", false)]
    public void FormulaInjection_IsRisky_looks_at_the_first_character_only(string value, bool risky) =>
        Assert.Equal(risky, FormulaInjection.IsRisky(value));
}
