using Compliance.Domain.Common;
using Compliance.Domain.Evidence;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Compliance.Web.Features.Evidence;

/// <summary>
/// POST /api/v1/evidence (multipart: <c>ownerType</c>, <c>ownerId</c>, optional <c>description</c>, then <c>file</c>).
/// The file streams from the request into the blob store, hashed on the way; its type is sniffed from its bytes.
/// </summary>
public static class UploadEvidence
{
    public sealed record Uploaded(Guid Id, string FileName, string ContentType, long Length, string Sha256, EvidenceOwner OwnerType, Guid OwnerId, DateTime UploadedAt);

    public sealed record Upload(EvidenceOwner OwnerType, Guid OwnerId, string FileName, Stream Content, string? Description);

    public static long MaxBytes(IConfiguration configuration) => configuration.GetValue("Evidence:MaxBytes", 50L * 1024 * 1024);

    public static async Task<Outcome<Uploaded>> HandleAsync(Upload upload, string actor, ComplianceDbContext db, IBlobStore blobs, long maxBytes, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        var fileName = Path.GetFileName(upload.FileName.Replace('\\', '/')).Trim();
        if (fileName.Length == 0) errors.Add("file", "required", "The file needs a name.");
        else if (fileName.Length > 255 || fileName.Any(char.IsControl)) errors.Add("file", "invalid_file_name", "The file name is longer than 255 characters or has control characters.");
        if (upload.Description is { Length: > 1000 }) errors.Add("description", "too_long", $"'description' is {upload.Description.Length:N0} characters; the limit is 1000.");
        if (!await OwnerExistsAsync(db, upload.OwnerType, upload.OwnerId, ct))
            errors.Add("ownerId", "owner_not_found", $"No {upload.OwnerType} with id {upload.OwnerId} exists in this organization.");
        if (errors.Count > 0) return Outcome<Uploaded>.Invalid(errors);

        var head = new byte[ContentSniffer.HeaderLength];
        var headLength = await upload.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var verdict = ContentSniffer.Sniff(head.AsSpan(0, headLength), fileName);
        if (!verdict.Allowed) return Outcome<Uploaded>.Invalid([new("file", "file_type_refused", verdict.Reason!)]);

        StoredBlob blob;
        try
        {
            await using var content = new PrefixedStream(head.AsMemory(0, headLength), upload.Content);
            blob = await blobs.PutAsync(db.Tenant.RequiredOrganizationId.ToString(), content, maxBytes, ct);
        }
        catch (BlobTooLargeException e)
        {
            return Outcome<Uploaded>.Invalid([new("file", "too_large", $"The file is larger than the limit of {e.MaxLength:N0} bytes.")]);
        }

        var evidence = new EvidenceFile
        {
            OwnerType = upload.OwnerType, OwnerId = upload.OwnerId, FileName = fileName, ContentType = verdict.ContentType,
            Length = blob.Length, Sha256 = blob.Sha256, Description = string.IsNullOrWhiteSpace(upload.Description) ? null : upload.Description.Trim(),
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = actor,
        };
        db.EvidenceFiles.Add(evidence);
        await db.SaveChangesAsync(ct);
        return new Uploaded(evidence.Id, evidence.FileName, evidence.ContentType, evidence.Length, evidence.Sha256, evidence.OwnerType, evidence.OwnerId, evidence.UploadedAt);
    }

    private static Task<bool> OwnerExistsAsync(ComplianceDbContext db, EvidenceOwner type, Guid id, CancellationToken ct) => type switch
    {
        EvidenceOwner.Audit => db.Audits.AnyAsync(x => x.Id == id, ct),
        EvidenceOwner.Finding => db.Findings.AnyAsync(x => x.Id == id, ct),
        EvidenceOwner.CorrectiveAction => db.CorrectiveActions.AnyAsync(x => x.Id == id, ct),
        EvidenceOwner.Supplier => db.Suppliers.AnyAsync(x => x.Id == id, ct),
        EvidenceOwner.Attestation => db.Attestations.AnyAsync(x => x.Id == id, ct),
        EvidenceOwner.CompliancePlanElement => db.CompliancePlanElements.AnyAsync(x => x.Id == id, ct),
        // Grievance evidence would need the GrievanceContent rule on every read path; it is not offered yet.
        _ => Task.FromResult(false),
    };

    public static void Map(RouteGroupBuilder api, IConfiguration configuration) =>
        api.MapPost("/evidence", async (HttpRequest request, ComplianceDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct) =>
            {
                var max = MaxBytes(configuration);
                if (request.ContentLength > max + 64 * 1024) return Problems.Rule(StatusCodes.Status413PayloadTooLarge, "file", "too_large", $"The request is larger than the limit of {max:N0} bytes.");
                if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
                    return Problems.Rule(StatusCodes.Status400BadRequest, "body", "not_multipart", "Send multipart/form-data with the fields ownerType and ownerId, then the file.");

                var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in request.Query) fields[key] = value.ToString();
                MultipartSection? section;
                while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                    var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                    if (!disposition.IsFileDisposition())
                    {
                        using var text = new StreamReader(section.Body);
                        fields[name] = await text.ReadToEndAsync(ct);
                        continue;
                    }
                    // The file: the owner must be known by now, so that nothing is stored for a request that is refused.
                    var errors = new RuleViolations();
                    if (!Enum.TryParse<EvidenceOwner>(fields.GetValueOrDefault("ownerType"), ignoreCase: true, out var ownerType) || int.TryParse(fields.GetValueOrDefault("ownerType"), out _))
                        errors.Add("ownerType", "required", $"'ownerType' must come before the file and be one of {string.Join(", ", Enum.GetNames<EvidenceOwner>())}.");
                    if (!Guid.TryParse(fields.GetValueOrDefault("ownerId"), out var ownerId))
                        errors.Add("ownerId", "required", "'ownerId' must come before the file and be the id of the record the file backs.");
                    if (errors.Count > 0) return Problems.Rules(StatusCodes.Status400BadRequest, "The request is not valid", errors);
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    var outcome = await HandleAsync(new Upload(ownerType, ownerId, fileName, section.Body, fields.GetValueOrDefault("description")),
                        ComplianceClaims.ActorOf(request.HttpContext.User) ?? "unknown", db, blobs, max, clock, ct);
                    return outcome.ToHttp(u => TypedResults.Created($"/api/v1/evidence/{u.Id}", u));
                }
                return Problems.Rule(StatusCodes.Status400BadRequest, "file", "required", "The request has no file part.");
            })
            .RequireAuthorization(Policies.Write)
            .WithMetadata(new RequestSizeLimitMetadata(MaxBytes(configuration) + 64 * 1024))
            .DisableAntiforgery()
            .WithTags("Evidence").WithName("UploadEvidence");

    private sealed class RequestSizeLimitMetadata(long max) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => max;
    }
}

/// <summary>Reads the bytes already taken from a stream (to sniff them), then the rest of it.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> prefix = prefix;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (prefix.IsEmpty) return await rest.ReadAsync(buffer, cancellationToken);
        var n = Math.Min(buffer.Length, prefix.Length);
        prefix[..n].CopyTo(buffer);
        prefix = prefix[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (prefix.IsEmpty) return rest.Read(buffer, offset, count);
        var n = Math.Min(count, prefix.Length);
        prefix[..n].CopyTo(buffer.AsMemory(offset, n));
        prefix = prefix[n..];
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
