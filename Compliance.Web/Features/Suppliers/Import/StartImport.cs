using System.Security.Claims;
using System.Security.Cryptography;
using Compliance.Domain.Common;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// POST /api/v1/suppliers/imports: stores the upload, reads it through once (so a malformed file is refused now,
/// with nothing imported) and queues it for the background worker. The UI stores it as a draft first, to preview.
/// </summary>
public static class StartImport
{
    public sealed record Upload(Stream Content, string FileName, string? Mapping = null, string? Sheet = null);

    public sealed record Started(Guid Id);

    public static async Task<Outcome<SupplierImport>> HandleAsync(Upload upload, bool queue, string actor, ComplianceDbContext db, IImportFileStore files,
        ImportLimits limits, ImportSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var organization = db.Tenant.RequiredOrganizationId;
        string key;
        using var content = new BoundedStream(upload.Content, limits.MaxFileBytes);
        try
        {
            key = await files.SaveAsync(organization, id, content, ct);
        }
        catch (ImportFileException e)
        {
            return Outcome<SupplierImport>.Invalid(e.ToViolations());
        }
        var keep = false;
        try
        {
            var path = await files.LocalPathAsync(key, ct);
            var planned = await ImportPlan.MakeAsync(path, upload.Sheet, upload.Mapping, db, limits, ct, requireComplete: queue);
            if (!planned.Succeeded) return Outcome<SupplierImport>.Invalid(planned.Errors!);
            var plan = planned.Value!;
            int total;
            try
            {
                total = SheetLayout.DataRows(SupplierFile.ReadRows(path, plan.Shape, limits, columns: new HashSet<int>()), plan.Header.Number).Count();
            }
            catch (ImportFileException e)
            {
                return Outcome<SupplierImport>.Invalid(e.ToViolations());
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var import = new SupplierImport
            {
                Id = id,
                FileName = Path.GetFileName(upload.FileName) is { Length: > 0 and <= 260 } name ? name : "upload",
                FileKey = key,
                FileSize = new FileInfo(path).Length,
                FileSha256 = content.Sha256(),
                Format = plan.Shape.Format,
                Encoding = plan.Shape.Encoding,
                Delimiter = plan.Shape.Delimiter,
                Sheet = plan.Shape.Sheet,
                HeaderRow = plan.Header.Number,
                Headers = System.Text.Json.JsonSerializer.Serialize(plan.Header.Cells),
                NextRow = plan.Header.Number + 1,
                Mapping = plan.Mapping.ToJson(),
                RequestedBy = actor,
                Status = queue ? ImportStatus.Queued : ImportStatus.Draft,
                TotalRows = total,
                CreatedAt = now,
            };
            db.SupplierImports.Add(import);
            await plan.RememberAsync(db, now, ct);
            await db.SaveChangesAsync(ct);
            keep = true;
            if (queue) signal.Notify();
            return import;
        }
        catch (ImportFileException e)
        {
            return Outcome<SupplierImport>.Invalid(e.ToViolations());
        }
        finally
        {
            if (!keep) await files.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>The UI's second step: the user confirmed (and maybe changed) the sheet and mapping of a draft; queue it.</summary>
    public static async Task<Outcome<SupplierImport>> ConfirmAsync(Guid id, string? sheet, string? mappingJson, ComplianceDbContext db, IImportFileStore files,
        ImportLimits limits, ImportSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var import = await db.SupplierImports.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return Outcome<SupplierImport>.NotFound();
        if (import.Status != ImportStatus.Draft)
            return Outcome<SupplierImport>.Conflict("status", "already_started", $"This import is {import.Status.ToString().ToLowerInvariant()}; upload the file again to import it again.");
        var path = await files.LocalPathAsync(import.FileKey, ct);
        var planned = await ImportPlan.MakeAsync(path, sheet ?? import.Sheet, mappingJson, db, limits, ct);
        if (!planned.Succeeded) return Outcome<SupplierImport>.Invalid(planned.Errors!);
        var plan = planned.Value!;
        if (plan.Shape.Sheet != import.Sheet)
        {
            import.Sheet = plan.Shape.Sheet;
            import.TotalRows = SheetLayout.DataRows(SupplierFile.ReadRows(path, plan.Shape, limits, new HashSet<int>()), plan.Header.Number).Count();
        }
        import.HeaderRow = plan.Header.Number;
        import.NextRow = plan.Header.Number + 1;
        import.Headers = System.Text.Json.JsonSerializer.Serialize(plan.Header.Cells);
        import.Mapping = plan.Mapping.ToJson();
        import.Status = ImportStatus.Queued;
        await plan.RememberAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return import;
    }

    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ComplianceClaims.Actor) ?? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? Infrastructure.Persistence.AuditTrail.SystemActor;

    public static void Map(RouteGroupBuilder api, ImportLimits limits) =>
        api.MapPost("/suppliers/imports", async (IFormFile? file, [FromForm] string? mapping, [FromForm] string? sheet, HttpContext http,
                    ComplianceDbContext db, IImportFileStore files, IOptions<ImportLimits> options, ImportSignal signal, TimeProvider clock, CancellationToken ct) =>
                {
                    if (file is null || file.Length == 0)
                        return Problems.Rule(StatusCodes.Status400BadRequest, "file", file is null ? "required" : "empty_file",
                            file is null ? "Send the supplier file as the multipart field 'file' (CSV or XLSX)." : "The file is empty (0 bytes).");
                    await using var content = file.OpenReadStream();
                    var outcome = await HandleAsync(new Upload(content, file.FileName, mapping, sheet), queue: true, ActorOf(http.User), db, files, options.Value, signal, clock, ct);
                    return outcome.ToHttp(i => TypedResults.Accepted($"/api/v1/suppliers/imports/{i.Id}", new Started(i.Id)));
                })
            .RequireAuthorization(Policies.Write)
            .DisableAntiforgery() // bearer-token API; the UI posts through its own antiforgery-checked page
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxFileBytes + 1024 * 1024))
            .WithTags("Supplier imports").WithName("StartSupplierImport");
}

/// <summary>Stops reading past the file size limit instead of storing an arbitrarily large upload first; hashes what it reads.</summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long read;

    public string Sha256() => Convert.ToHexStringLower(hash.GetCurrentHash());

    protected override void Dispose(bool disposing)
    {
        if (disposing) hash.Dispose();
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..n]);
    }

    private int Count(ReadOnlySpan<byte> bytes)
    {
        var n = bytes.Length;
        hash.AppendData(bytes);
        read += n;
        return read > limit
            ? throw new ImportFileException("file_too_large", $"The file is larger than the limit of {limit:N0} bytes; split it into several files.")
            : n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
