using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Compliance.Reports.Csv;
using Compliance.Reports.Evidence;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Web.Features.Exports;

/// <summary>
/// GET /api/v1/exports/evidence-bundle.zip: the evidence workbook, every evidence file in scope, and a manifest (CSV and
/// JSON) of each file's path and SHA-256, streamed as one zip. Each file's bytes are checked against their hash as they
/// are copied in; a corrupted file aborts the download rather than entering the bundle.
/// </summary>
public static class EvidenceBundle
{
    public sealed record ManifestEntry(string Path, string Sha256, long Bytes, string EvidenceId, string OwnerType, string OwnerId, string FileName, DateTime UploadedAt, string UploadedBy);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The files are those of the workbook's Evidence sheet: its query runs again once the workbook is written.</summary>
    public static async Task WriteAsync(Stream output, EvidenceWorkbookModel model, string scope, IBlobStore blobs, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        await using (var workbook = zip.CreateEntry("evidence.xlsx", CompressionLevel.NoCompression).Open())
            EvidenceWorkbook.Write(workbook, model); // already deflated inside

        var manifest = new List<ManifestEntry>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in model.Evidence)
        {
            var path = $"files/{file.OwnerType}/{file.Id}-{Safe(file.FileName)}";
            if (!used.Add(path)) continue;
            await using var content = await blobs.OpenReadAsync(scope, file.Sha256, ct)
                ?? throw new IOException($"Evidence {file.Id} ({file.FileName}) has no content in the blob store; restore it before exporting.");
            await using (var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open())
                await content.CopyToAsync(entry, ct);
            manifest.Add(new ManifestEntry(path, file.Sha256, file.Length, file.Id, file.OwnerType, file.OwnerId, file.FileName, file.UploadedAt, file.UploadedBy));
        }

        await using (var csvStream = zip.CreateEntry("manifest.csv", CompressionLevel.Fastest).Open())
        using (var csv = CsvExportWriter.Create(csvStream, leaveOpen: true))
        {
            csv.Write("path").Write("sha256").Write("bytes").Write("evidence_id").Write("owner_type").Write("owner_id").Write("file_name").Write("uploaded_at").Write("uploaded_by").EndRow();
            foreach (var m in manifest)
                csv.Write(m.Path).Write(m.Sha256).Write(m.Bytes).Write(m.EvidenceId).Write(m.OwnerType).Write(m.OwnerId).Write(m.FileName).Write(m.UploadedAt).Write(m.UploadedBy).EndRow();
        }
        await using (var jsonStream = zip.CreateEntry("manifest.json", CompressionLevel.Fastest).Open())
            await JsonSerializer.SerializeAsync(jsonStream, new { model.Info.Organization, model.Info.ExportedAt, model.Info.ExportedBy, files = manifest }, Json, ct);
    }

    /// <summary>A file name that is safe as the last part of a zip path on every system.</summary>
    private static string Safe(string name)
    {
        var cleaned = new string([.. name.Select(c => char.IsControl(c) || "/\\:*?\"<>|".Contains(c) ? '_' : c)]).Trim().TrimStart('.');
        return cleaned.Length == 0 ? "file" : cleaned.Length > 120 ? cleaned[..120] : cleaned;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/exports/evidence-bundle.zip", async (DateOnly? from, DateOnly? to, Guid[]? supplierId, string? country, HttpContext http, ComplianceDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct) =>
            {
                var (filter, problem) = EvidenceExport.FilterFrom(from, to, supplierId, country);
                if (problem is not null) return problem;
                var model = await EvidenceExport.ModelForAsync(http, filter!, db, clock, ct);
                var scope = db.Tenant.RequiredOrganizationId.ToString();
                await PipedDownload.WriteAsync(http, "application/zip", $"evidence-bundle-{model.Info.ExportedAt:yyyyMMdd-HHmm}.zip",
                    (stream, token) => WriteAsync(stream, model, scope, blobs, token), ct);
                return Results.Empty;
            })
            .RequireAuthorization(Policies.Read).WithTags("Exports").WithName("ExportEvidenceBundle");
}
