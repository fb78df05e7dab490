using System.Text.Json;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// GET /api/v1/suppliers/imports/{id}/rejected.csv: the rejected rows as they were, under the file's own headers,
/// with an extra "Errors" column. Fix them and upload this file: the original mapping applies to it.
/// </summary>
public static class RejectedRows
{
    public const string ErrorsColumn = "Errors";

    /// <summary>Writes the CSV to <paramref name="output"/>; false when the import is not the organization's.</summary>
    public static async Task<bool> WriteAsync(Guid id, ComplianceDbContext db, Stream output, CancellationToken ct)
    {
        var headersJson = await db.SupplierImports.AsNoTracking().Where(i => i.Id == id).Select(i => i.Headers).FirstOrDefaultAsync(ct);
        if (headersJson is null) return false;
        var headers = JsonSerializer.Deserialize<string[]>(headersJson) ?? [];
        var options = CsvWriterOptions.Default with
        {
            WriteByteOrderMark = true, // Excel reads UTF-8 only with it
            Injection = CsvInjection.Escape, // cells starting with = + - @ must not run as formulas
        };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader([.. headers, ErrorsColumn]);
        var row = new string[headers.Length + 1];
        await foreach (var r in db.SupplierImportRejections.AsNoTracking().Where(r => r.ImportId == id).OrderBy(r => r.Row).AsAsyncEnumerable().WithCancellation(ct))
        {
            var cells = JsonSerializer.Deserialize<string[]>(r.Cells) ?? [];
            for (var c = 0; c < headers.Length; c++) row[c] = c < cells.Length ? cells[c] : "";
            row[^1] = $"Row {r.Row}: {r.Errors}";
            await csv.WriteRecordAsync(row, ct);
        }
        await csv.FlushAsync(ct);
        return true;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/suppliers/imports/{id:guid}/rejected.csv", async (Guid id, HttpContext http, ComplianceDbContext db, CancellationToken ct) =>
            {
                if (!await db.SupplierImports.AnyAsync(i => i.Id == id, ct)) return Problems.NotFound();
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"rejected-{id:N}.csv\"";
                await WriteAsync(id, db, http.Response.Body, ct);
                return Results.Empty;
            })
            .RequireAuthorization(Policies.Read)
            .WithTags("Supplier imports").WithName("GetSupplierImportRejectedRows");
}
