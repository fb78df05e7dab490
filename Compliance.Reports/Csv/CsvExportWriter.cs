using System.Globalization;
using System.Text;

namespace Compliance.Reports.Csv;

/// <summary>
/// RFC 4180 CSV for list-page exports: comma separated, CRLF rows, fields quoted when they hold a comma, quote or
/// line break. Text that a spreadsheet would run as a formula gets an apostrophe prefix (<see cref="FormulaInjection"/>);
/// numbers and dates are written as values (a negative number is not text and is left alone).
/// </summary>
public sealed class CsvExportWriter(TextWriter writer) : IDisposable
{
    private bool _rowStarted;

    /// <summary>UTF-8 with a byte-order mark, which Excel needs to read the file as UTF-8.</summary>
    public static CsvExportWriter Create(Stream output, bool leaveOpen = false) =>
        new(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen));

    public CsvExportWriter Write(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value)) return this;
        var text = FormulaInjection.Neutralise(value);
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(text);
            return this;
        }
        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
        return this;
    }

    public CsvExportWriter Write(long value) => Invariant(value.ToString(CultureInfo.InvariantCulture));

    public CsvExportWriter Write(decimal value) => Invariant(value.ToString(CultureInfo.InvariantCulture));

    public CsvExportWriter Write(double value) => Invariant(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "");

    /// <summary>ISO 8601 (yyyy-MM-dd HH:mm:ss), which spreadsheets in every locale read as a date.</summary>
    public CsvExportWriter Write(DateTime value) => Invariant(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    public CsvExportWriter Write(DateOnly value) => Invariant(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public CsvExportWriter Write(bool value) => Invariant(value ? "true" : "false");

    public CsvExportWriter EndRow()
    {
        writer.Write("\r\n");
        _rowStarted = false;
        return this;
    }

    public void Dispose() => writer.Dispose();

    private CsvExportWriter Invariant(string text)
    {
        Separator();
        writer.Write(text);
        return this;
    }

    private void Separator()
    {
        if (_rowStarted) writer.Write(',');
        _rowStarted = true;
    }
}
