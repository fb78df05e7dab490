namespace Compliance.Reports;

/// <summary>
/// The one rule for spreadsheet exports (DESIGN §5): text that a spreadsheet would read as a formula or a
/// DDE command when it begins with =, +, -, @, tab or carriage return.
/// XLSX cells get the quotePrefix style, Excel's own form of a typed leading apostrophe: the cell shows the
/// text exactly as exported (the apostrophe appears only in the formula bar), stays text when edited, and
/// reads back unchanged. CSV has no styles, so there the apostrophe is written into the field.
/// </summary>
public static class FormulaInjection
{
    public static bool IsRisky(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The apostrophe prefix: spreadsheets show the value as text and keep it literal when edited.</summary>
    public static string Neutralise(string text) => IsRisky(text) ? "'" + text : text;
}
