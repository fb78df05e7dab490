using Compliance.Domain.Common;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>How a stored upload will be read: its shape, its header row and the column mapping (remembered, automatic or the user's).</summary>
public sealed record ImportPlan(FileShape Shape, SheetRow Header, ColumnMapping Mapping, string? ProductSheet)
{
    /// <summary>Reads the file's shape and header and settles the mapping. Problems with the file or mapping are violations; nothing is stored.</summary>
    /// <remarks>With <paramref name="requireComplete"/> off (drafts and previews), fields no column holds are not errors: the user maps them next.</remarks>
    public static async Task<Outcome<ImportPlan>> MakeAsync(string path, string? sheet, string? mappingJson, ComplianceDbContext db, ImportLimits limits, CancellationToken ct,
        bool requireComplete = true)
    {
        FileShape shape;
        SheetRow? header;
        try
        {
            shape = SupplierFile.Inspect(path, sheet, limits);
            header = SheetLayout.FindHeader(SupplierFile.ReadRows(path, shape, limits));
        }
        catch (ImportFileException e)
        {
            return Outcome<ImportPlan>.Invalid(e.ToViolations());
        }
        if (header is not { } found)
            return Outcome<ImportPlan>.Invalid([new RuleViolation("file", "no_rows", $"The {(shape.Format == Domain.Suppliers.ImportFormat.Xlsx ? $"sheet '{shape.Sheet}'" : "file")} has no rows with data.")]);

        var mapping = await RememberedAsync(found.Cells, db, ct) ?? ColumnMapping.Automatic(found.Cells);
        var errors = new RuleViolations();
        if (!string.IsNullOrWhiteSpace(mappingJson)) mapping = ColumnMapping.Override(mapping, mappingJson, errors);
        foreach (var field in requireComplete ? mapping.MissingRequired : [])
            errors.Add($"mapping.{field}", "unmapped_field",
                $"No column holds '{field}'. The file's columns (row {found.Number}): {string.Join(", ", found.Cells.Select(c => $"'{c}'"))}. Map one with mapping {{\"{field}\": \"<column header>\"}}.");
        if (errors.Count > 0) return Outcome<ImportPlan>.Invalid(errors);
        return new ImportPlan(shape, found, mapping, SheetLayout.ProductSheet(shape));
    }

    /// <summary>
    /// The mapping the organization chose for these headers before. A rejected.csv has the same headers and an extra
    /// "Errors" column, so the original file's mapping applies to it too.
    /// </summary>
    private static async Task<ColumnMapping?> RememberedAsync(string[] headers, ComplianceDbContext db, CancellationToken ct)
    {
        var signatures = new List<string> { ColumnMapping.Signature(headers) };
        if (headers.Length > 1 && headers[^1] == RejectedRows.ErrorsColumn) signatures.Add(ColumnMapping.Signature(headers[..^1]));
        var stored = await db.SupplierImportMappings.AsNoTracking().Where(m => signatures.Contains(m.HeaderSignature)).ToListAsync(ct);
        var best = signatures.Select(s => stored.FirstOrDefault(m => m.HeaderSignature == s)).FirstOrDefault(m => m is not null);
        return best is null ? null : ColumnMapping.FromStored(headers, best.Mapping, MappingSource.Remembered);
    }

    /// <summary>Remembers the user's mapping for the next file with these headers.</summary>
    public async Task RememberAsync(ComplianceDbContext db, DateTime now, CancellationToken ct)
    {
        if (Mapping.Source != MappingSource.Explicit) return;
        var signature = ColumnMapping.Signature(Header.Cells);
        var stored = await db.SupplierImportMappings.FirstOrDefaultAsync(m => m.HeaderSignature == signature, ct);
        if (stored is null) db.SupplierImportMappings.Add(new() { HeaderSignature = signature, Mapping = Mapping.ToJson(), UpdatedAt = now });
        else
        {
            stored.Mapping = Mapping.ToJson();
            stored.UpdatedAt = now;
        }
    }
}
