using System.Text.Json;
using Compliance.Domain.Disclosures;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Disclosures;

/// <summary>
/// The disclosure use cases: draft one for a period, read it (statements and figures as JSON, or as PDF), reword an
/// element, and issue it — which freezes it, stores the PDF with its SHA-256 and supersedes the previous one.
/// </summary>
public static class Disclosures
{
    public sealed record CreateRequest(string? Kind, DateOnly? PeriodStart, DateOnly? PeriodEnd, Guid? ContractId = null);

    public sealed record Row(Guid Id, DisclosureKind Kind, DisclosureStatus Status, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime CreatedAt, DateTime? IssuedAt,
        string? IssuedBy, string? PdfSha256);

    public sealed record EditRequest(string? Text);

    public const int MaxStatementLength = 6000;

    public static async Task<Outcome<Guid>> CreateAsync(CreateRequest request, string actor, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Disclosure.CheckPeriod(request.PeriodStart, request.PeriodEnd);
        var kind = request.Kind?.ToLowerInvariant() switch
        {
            "california-tisc" => DisclosureKind.CaliforniaTisc,
            "far-trafficking" => DisclosureKind.FarTrafficking,
            _ => (DisclosureKind?)null,
        };
        if (kind is null) errors.Add("kind", request.Kind is null ? "required" : "unknown", "'kind' must be \"california-tisc\" or \"far-trafficking\".");
        // FAR 52.222-50: the zero-tolerance disclosure is made per federal contract.
        else if (kind == DisclosureKind.FarTrafficking && request.ContractId is null)
            errors.Add("contractId", "required", "'contractId' is required for a FAR zero-tolerance disclosure.");
        else if (kind == DisclosureKind.FarTrafficking && !await db.FederalContracts.AnyAsync(c => c.Id == request.ContractId, ct))
            errors.Add("contractId", "contract_not_found", $"No contract with id {request.ContractId} exists in this organization.");
        else if (kind == DisclosureKind.CaliforniaTisc && request.ContractId is not null)
            errors.Add("contractId", "not_applicable", "A California disclosure covers the organization, not a contract.");
        if (errors.Count > 0) return Outcome<Guid>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var disclosure = new Disclosure
        {
            Kind = kind!.Value, PeriodStart = request.PeriodStart!.Value, PeriodEnd = request.PeriodEnd!.Value, ContractId = request.ContractId,
            CreatedAt = now, CreatedBy = actor, UpdatedAt = now,
        };
        db.Disclosures.Add(disclosure);
        await db.SaveChangesAsync(ct);
        return disclosure.Id;
    }

    public static async Task<List<Row>> ListAsync(ComplianceDbContext db, CancellationToken ct) =>
        await db.Disclosures.AsNoTracking().OrderByDescending(d => d.CreatedAt)
            .Select(d => new Row(d.Id, d.Kind, d.Status, d.PeriodStart, d.PeriodEnd, d.CreatedAt, d.IssuedAt, d.IssuedBy, d.PdfSha256))
            .ToListAsync(ct);

    public static async Task<Outcome<DisclosureContent>> GetAsync(Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.Disclosures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d
            ? await DisclosureContent.OfAsync(d, db, clock, ct)
            : Outcome<DisclosureContent>.NotFound();

    /// <summary>Rewords one element of a draft; an empty text goes back to the generated wording. The figures stay the records'.</summary>
    public static async Task<Outcome<DisclosureContent>> EditAsync(Guid id, string element, EditRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var d = await db.Disclosures.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<DisclosureContent>.NotFound();
        if (!Enum.TryParse<CaliforniaElement>(element, ignoreCase: true, out var e) || !Enum.IsDefined(e) || int.TryParse(element, out _))
            return Outcome<DisclosureContent>.Invalid([new("element", "unknown", $"'{element}' is not an element; use one of {string.Join(", ", Enum.GetNames<CaliforniaElement>())}.")]);
        if (d.IsFrozen) return Outcome<DisclosureContent>.Conflict("status", "issued", "This disclosure is issued and cannot change; draft a new one to supersede it.");
        if (d.Kind != DisclosureKind.CaliforniaTisc)
            return Outcome<DisclosureContent>.Invalid([new("element", "not_editable", "A FAR disclosure states the contract's records as they are; it has no statements to reword.")]);
        var text = request.Text?.Trim();
        if (text is { Length: > MaxStatementLength })
            return Outcome<DisclosureContent>.Invalid([new("text", "too_long", $"'text' is {text.Length:N0} characters; the limit is {MaxStatementLength:N0}.")]);
        var edits = DisclosureContent.Edits(d);
        if (string.IsNullOrEmpty(text)) edits.Remove(e);
        else edits[e] = text;
        d.EditsJson = edits.Count == 0 ? null : JsonSerializer.Serialize(edits, DisclosureContent.Json);
        d.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await DisclosureContent.OfAsync(d, db, clock, ct);
    }

    /// <summary>Freezes the draft as it reads now, stores its PDF under its SHA-256, and supersedes the previous issued disclosure of the kind.</summary>
    public static async Task<Outcome<DisclosureContent>> IssueAsync(Guid id, string actor, ComplianceDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct)
    {
        var d = await db.Disclosures.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<DisclosureContent>.NotFound();
        if (d.IsFrozen) return Outcome<DisclosureContent>.Conflict("status", "issued", $"This disclosure was issued on {d.IssuedAt:yyyy-MM-dd}; it cannot be issued again.");
        var now = clock.GetUtcNow().UtcDateTime;
        var content = (await DisclosureContent.OfAsync(d, db, clock, ct)) with { IssuedAt = now, IssuedBy = actor, Status = DisclosureStatus.Issued };
        var pdf = content.RenderPdf();
        using var stream = new MemoryStream(pdf, writable: false);
        var stored = await blobs.PutAsync(d.OrganizationId.ToString(), stream, pdf.Length, ct);

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var previous = await db.Disclosures.Where(x => x.Kind == d.Kind && x.ContractId == d.ContractId && x.Status == DisclosureStatus.Issued).ToListAsync(ct);
        foreach (var p in previous)
        {
            p.Status = DisclosureStatus.Superseded;
            p.SupersededById = d.Id;
            p.SupersededAt = now;
        }
        d.Status = DisclosureStatus.Issued;
        d.IssuedAt = now;
        d.IssuedBy = actor;
        d.IssuedContentJson = JsonSerializer.Serialize(content.Freeze(), DisclosureContent.Json);
        d.PdfSha256 = stored.Sha256;
        d.PdfLength = stored.Length;
        d.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return content with { PdfSha256 = stored.Sha256 };
    }

    /// <summary>The issued PDF from the blob store (hash-checked while read), or a draft rendered now.</summary>
    public static async Task<IResult> PdfAsync(Disclosure d, ComplianceDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct)
    {
        var name = $"{(d.Kind == DisclosureKind.FarTrafficking ? "far-52.222-50-disclosure" : "california-supply-chains-disclosure")}-{d.PeriodStart:yyyyMMdd}-{d.PeriodEnd:yyyyMMdd}{(d.IsFrozen ? "" : "-draft")}.pdf";
        if (d.PdfSha256 is { } sha)
        {
            var stream = await blobs.OpenReadAsync(d.OrganizationId.ToString(), sha, ct);
            if (stream is null) return Problems.Rule(StatusCodes.Status500InternalServerError, "pdf", "missing", "The issued PDF is missing from the blob store.");
            return TypedResults.Stream(stream, "application/pdf", name);
        }
        var content = await DisclosureContent.OfAsync(d, db, clock, ct);
        return TypedResults.File(content.RenderPdf(), "application/pdf", name);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/disclosures", async (CreateRequest request, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await CreateAsync(request, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, clock, ct)).ToHttp(id => TypedResults.Created($"/api/v1/disclosures/{id}", new { id })))
            .RequireAuthorization(Policies.Write).WithTags("Disclosures").WithName("CreateDisclosure");
        api.MapGet("/disclosures", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Disclosures").WithName("ListDisclosures");
        api.MapGet("/disclosures/{id:guid}", async (Guid id, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await GetAsync(id, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Disclosures").WithName("GetDisclosure");
        api.MapPut("/disclosures/{id:guid}/statements/{element}", async (Guid id, string element, EditRequest request, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await EditAsync(id, element, request, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Disclosures").WithName("EditDisclosureStatement");
        api.MapPost("/disclosures/{id:guid}/issue", async (Guid id, HttpContext http, ComplianceDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct) =>
                (await IssueAsync(id, ComplianceClaims.ActorOf(http.User) ?? "unknown", db, blobs, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Disclosures").WithName("IssueDisclosure");
        api.MapGet("/disclosures/{id:guid}/pdf", async (Guid id, ComplianceDbContext db, IBlobStore blobs, TimeProvider clock, CancellationToken ct) =>
                await db.Disclosures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d ? await PdfAsync(d, db, blobs, clock, ct) : Problems.NotFound())
            .RequireAuthorization(Policies.Read).WithTags("Disclosures").WithName("GetDisclosurePdf");
    }
}
