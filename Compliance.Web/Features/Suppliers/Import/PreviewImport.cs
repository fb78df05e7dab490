using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// POST /api/v1/suppliers/imports/preview: what the import would read, before it runs: detected format, encoding,
/// delimiter and header row, the proposed mapping (and the required fields no column holds yet), and the first rows
/// as mapped and checked. Nothing is stored.
/// </summary>
public static class PreviewImport
{
    public const int PreviewRows = 10;

    public sealed record Row(int Number, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<ImportError> Errors);

    public sealed record Preview(
        ImportFormat Format, string? Encoding, string? Delimiter, IReadOnlyList<string> Sheets, string? Sheet, string? ProductSheet,
        int HeaderRow, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, string> Mapping, MappingSource MappingSource,
        IReadOnlyList<string> UnmappedColumns, IReadOnlyList<string> MissingFields, IReadOnlyList<string> Fields, IReadOnlyList<Row> Rows);

    /// <summary>Previews a stored file (the UI's draft) or a temporary copy of an upload (the API).</summary>
    public static async Task<Outcome<Preview>> HandleAsync(string path, string? sheet, string? mappingJson, ComplianceDbContext db, ImportLimits limits, CancellationToken ct)
    {
        var planned = await ImportPlan.MakeAsync(path, sheet, mappingJson, db, limits, ct, requireComplete: false);
        if (!planned.Succeeded) return Outcome<Preview>.Invalid(planned.Errors!);
        var plan = planned.Value!;
        var rows = new List<Row>();
        try
        {
            foreach (var row in SheetLayout.DataRows(SupplierFile.ReadRows(path, plan.Shape, limits), plan.Header.Number).Take(PreviewRows))
            {
                var read = SupplierRows.Read(row, plan.Mapping);
                var d = read.Details;
                rows.Add(new Row(row.Number, new Dictionary<string, string?>
                {
                    [ImportFields.ExternalReference] = d.ExternalReference,
                    [ImportFields.Name] = d.Name,
                    [ImportFields.AlternateNames] = string.Join(" | ", d.AlternateNames ?? []),
                    [ImportFields.Country] = d.Country,
                    [ImportFields.Address] = d.Address,
                    [ImportFields.Tier] = d.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [ImportFields.ParentExternalReference] = read.ParentExternalReference,
                    [ImportFields.Lei] = d.Identifiers?.Lei,
                    [ImportFields.Duns] = d.Identifiers?.Duns,
                    [ImportFields.Uscc] = d.Identifiers?.Uscc,
                    [ImportFields.OpenSupplyHubId] = d.Identifiers?.OpenSupplyHubId,
                    [ImportFields.Products] = string.Join(" | ", (d.Products ?? []).Select(p =>
                        p.Name + (p.HsCode is null ? "" : $" [{p.HsCode}]") + (p.OriginCountry is null ? "" : $" ({p.OriginCountry})"))),
                }, read.Errors));
            }
        }
        catch (ImportFileException e)
        {
            return Outcome<Preview>.Invalid(e.ToViolations());
        }
        return new Preview(plan.Shape.Format, plan.Shape.Encoding, plan.Shape.Delimiter, plan.Shape.Sheets, plan.Shape.Sheet, plan.ProductSheet,
            plan.Header.Number, plan.Header.Cells, plan.Mapping.ToDictionary(), plan.Mapping.Source, [.. plan.Mapping.Unmapped], [.. plan.Mapping.MissingRequired], ImportFields.Supplier, rows);
    }

    public static void Map(RouteGroupBuilder api, ImportLimits limits) =>
        api.MapPost("/suppliers/imports/preview", async (IFormFile? file, [FromForm] string? mapping, [FromForm] string? sheet,
                    ComplianceDbContext db, IOptions<ImportLimits> options, CancellationToken ct) =>
                {
                    if (file is null || file.Length == 0)
                        return Problems.Rule(StatusCodes.Status400BadRequest, "file", file is null ? "required" : "empty_file",
                            file is null ? "Send the supplier file as the multipart field 'file' (CSV or XLSX)." : "The file is empty (0 bytes).");
                    var path = Path.GetTempFileName();
                    try
                    {
                        await using (var copy = File.Create(path))
                        await using (var content = file.OpenReadStream())
                            await new BoundedStream(content, options.Value.MaxFileBytes).CopyToAsync(copy, ct);
                        return (await HandleAsync(path, sheet, mapping, db, options.Value, ct)).ToHttp(TypedResults.Ok);
                    }
                    catch (ImportFileException e)
                    {
                        return Problems.Rules(StatusCodes.Status400BadRequest, "The file cannot be imported", e.ToViolations());
                    }
                    finally
                    {
                        File.Delete(path);
                    }
                })
            .RequireAuthorization(Policies.Write)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxFileBytes + 1024 * 1024))
            .WithTags("Supplier imports").WithName("PreviewSupplierImport");
}
