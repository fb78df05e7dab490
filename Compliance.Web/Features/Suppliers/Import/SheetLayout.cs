namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>Where the data is in a sheet: ERP exports often put a title, a date or blank lines above the header row.</summary>
public static class SheetLayout
{
    private const int HeaderSearchRows = 20;

    /// <summary>The first row that names at least two known fields, among the first rows; else the first non-blank row.</summary>
    public static SheetRow? FindHeader(IEnumerable<SheetRow> rows, bool productSheet = false)
    {
        SheetRow? firstNonBlank = null;
        foreach (var row in rows.Take(HeaderSearchRows))
        {
            if (row.IsBlank) continue;
            firstNonBlank ??= row;
            var mapped = ColumnMapping.Automatic(row.Cells, productSheet);
            var recognized = row.Cells.Count(c => ImportFields.FieldFor(c, productSheet) is not null);
            if (recognized >= 2 && (mapped.ColumnOf(ImportFields.Name) is not null || mapped.ColumnOf(ImportFields.ExternalReference) is not null))
                return row;
        }
        return firstNonBlank;
    }

    /// <summary>The data rows below the header, blank rows left out (their numbers are kept on the others).</summary>
    public static IEnumerable<SheetRow> DataRows(IEnumerable<SheetRow> rows, int headerRow) =>
        rows.Where(r => r.Number > headerRow && !r.IsBlank);

    /// <summary>A second sheet of supplier-product rows, recognized by its name ("Products", "Supplier products", "Produkte").</summary>
    public static string? ProductSheet(FileShape shape) =>
        shape.Sheets.FirstOrDefault(s => !string.Equals(s, shape.Sheet, StringComparison.OrdinalIgnoreCase)
            && ColumnMapping.Key(s) is "products" or "product" or "supplier products" or "supplier product" or "produkte" or "items" or "goods");
}
