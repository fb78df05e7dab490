using Compliance.Domain.Evidence;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Compliance.Web.Features.Evidence;

/// <summary>GET /api/v1/evidence (by owner), GET /api/v1/evidence/{id}, and GET /api/v1/evidence/{id}/content (streamed, hash verified).</summary>
public static class EvidenceFiles
{
    public sealed record Row(Guid Id, EvidenceOwner OwnerType, Guid OwnerId, string FileName, string ContentType, long Length, string Sha256, string? Description, DateTime UploadedAt, string UploadedBy);

    public static Task<List<Row>> ListAsync(EvidenceOwner? ownerType, Guid? ownerId, ComplianceDbContext db, CancellationToken ct)
    {
        var files = db.EvidenceFiles.AsNoTracking();
        if (ownerType is { } type) files = files.Where(f => f.OwnerType == type);
        if (ownerId is { } id) files = files.Where(f => f.OwnerId == id);
        return files.OrderByDescending(f => f.UploadedAt).ThenBy(f => f.Id).Take(500)
            .Select(f => new Row(f.Id, f.OwnerType, f.OwnerId, f.FileName, f.ContentType, f.Length, f.Sha256, f.Description, f.UploadedAt, f.UploadedBy))
            .ToListAsync(ct);
    }

    public static async Task<Row?> FindAsync(Guid id, ComplianceDbContext db, CancellationToken ct) =>
        (await ListQuery(db).FirstOrDefaultAsync(f => f.Id == id, ct)) is { } f
            ? new Row(f.Id, f.OwnerType, f.OwnerId, f.FileName, f.ContentType, f.Length, f.Sha256, f.Description, f.UploadedAt, f.UploadedBy)
            : null;

    private static IQueryable<EvidenceFile> ListQuery(ComplianceDbContext db) => db.EvidenceFiles.AsNoTracking();

    /// <summary>
    /// The file's bytes as an attachment, never rendered inline (an uploaded HTML file must not run in the app's origin).
    /// The blob store checks the SHA-256 while streaming; a mismatch aborts the response, so a corrupted file is never
    /// delivered whole. Repr-Digest (RFC 9530) lets the client check it too.
    /// </summary>
    public static async Task<IResult> ContentAsync(Guid id, HttpContext http, ComplianceDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        var file = await FindAsync(id, db, ct);
        if (file is null) return Problems.NotFound();
        var stream = await blobs.OpenReadAsync(db.Tenant.RequiredOrganizationId.ToString(), file.Sha256, ct);
        if (stream is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "The evidence file's content is missing from the blob store",
                detail: $"The record remains (SHA-256 {file.Sha256}); restore the blob from backup.");
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        http.Response.ContentLength = file.Length;
        return TypedResults.Stream(stream, file.ContentType, file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/evidence", async (EvidenceOwner? ownerType, Guid? ownerId, ComplianceDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(ownerType, ownerId, db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Evidence").WithName("ListEvidence");
        api.MapGet("/evidence/{id:guid}", async (Guid id, ComplianceDbContext db, CancellationToken ct) =>
                await FindAsync(id, db, ct) is { } row ? Results.Ok(row) : Problems.NotFound())
            .RequireAuthorization(Policies.Read).WithTags("Evidence").WithName("GetEvidence");
        api.MapGet("/evidence/{id:guid}/content", ContentAsync)
            .RequireAuthorization(Policies.Read).WithTags("Evidence").WithName("GetEvidenceContent");
    }
}
