namespace Compliance.Reports;

/// <summary>
/// The one rule for spreadsheet exports (DESIGN §5): text that a spreadsheet would read as a formula or a
/// DDE command when it begins with =, +, -, @, tab or carriage return. The XLSX writer marks such cells with
/// a quotePrefix style; the CSV writer prefixes an apostrophe.
/// </summary>
public static class FormulaInjection
{
    public static bool IsRisky(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The apostrophe prefix: spreadsheets show the value as text and keep it literal when edited.</summary>
    public static string Neutralise(string text) => IsRisky(text) ? "'" + text : text;
}
