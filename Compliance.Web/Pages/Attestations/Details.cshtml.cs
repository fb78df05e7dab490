using Compliance.Domain.Evidence;
using Compliance.Domain.Tenancy;
using Compliance.Web.Features.Attestations;
using Compliance.Web.Features.Evidence;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Attestations;

/// <summary>One certification: its frozen statement, signature, the officer's outcome; the Admin signs and (re)submits here.</summary>
public sealed class DetailsModel(ComplianceDbContext db, IBlobStore blobs, IConfiguration configuration, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public AttestationRequests.Response Attestation { get; private set; } = null!;
    public List<EvidenceFiles.Row> Evidence { get; private set; } = [];
    public bool IsAdmin => User.IsInRole(nameof(Role.Admin));
    public bool CanWrite => IsAdmin || User.IsInRole(nameof(Role.ComplianceOfficer));
    [BindProperty] public string? SignerName { get; set; }
    [BindProperty] public string? SignerTitle { get; set; }
    [BindProperty] public DateOnly? SignedOn { get; set; }
    [BindProperty] public string? StatementVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct)
    {
        if (!IsAdmin) return Forbid();
        return await AfterAsync(await AttestationRequests.SignAsync(Id, new AttestationRequests.SignRequest(SignerName, SignerTitle, SignedOn, StatementVersion), db, clock, ct), ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!IsAdmin) return Forbid();
        return await AfterAsync(await AttestationRequests.SubmitAsync(Id, db, clock, ct), ct);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(IFormFile? file, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        if (file is null)
        {
            ModelState.AddModelError("", "Choose a file to upload.");
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        await using var content = file.OpenReadStream();
        return await AfterAsync(await UploadEvidence.HandleAsync(new UploadEvidence.Upload(EvidenceOwner.Attestation, Id, file.FileName, content, null),
            ComplianceClaims.ActorOf(User) ?? "unknown", db, blobs, UploadEvidence.MaxBytes(configuration), clock, ct), ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.Failure == Failure.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/Attestations/Details/{Id}");
        outcome.AddTo(ModelState, "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await AttestationRequests.GetAsync(Id, db, clock, ct);
        if (!found.Succeeded) return false;
        Attestation = found.Value!;
        SignedOn ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Evidence = await db.EvidenceFiles.AsNoTracking().Where(e => e.OwnerType == EvidenceOwner.Attestation && e.OwnerId == Id).OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceFiles.Row(e.Id, e.OwnerType, e.OwnerId, e.FileName, e.ContentType, e.Length, e.Sha256, e.Description, e.UploadedAt, e.UploadedBy))
            .ToListAsync(ct);
        return true;
    }
}
