using Compliance.Domain.Audits;
using Compliance.Domain.Evidence;
using Compliance.Web.Features.Audits;
using Compliance.Web.Features.Evidence;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Audits;

/// <summary>An audit with its findings, corrective actions and evidence; each form posts to the API's handler.</summary>
public sealed class DetailsModel(ComplianceDbContext db, TimeProvider clock, IBlobStore blobs, IConfiguration configuration) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public AuditResponse Audit { get; private set; } = null!;
    public List<EvidenceFiles.Row> Evidence { get; private set; } = [];
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Every form on this page changes data: readers (Auditors, grievance handlers) may look but not post.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsPost(Request.Method) && !CanWrite) context.Result = Forbid();
    }

    public async Task<IActionResult> OnPostAddFindingAsync(IloIndicator? iloIndicator, FarProhibitedActivity? farActivity, FindingSeverity? severity, string? description, CancellationToken ct) =>
        await AfterAsync(await RecordFinding.HandleAsync(Id, new FindingRequest(iloIndicator, farActivity, severity, description), db, clock, ct), ct);

    public async Task<IActionResult> OnPostAddActionAsync(Guid findingId, string? description, string? owner, DateOnly? dueDate, CancellationToken ct) =>
        await OwnsFindingAsync(findingId, ct)
            ? await AfterAsync(await PlanCorrectiveAction.HandleAsync(findingId, new CorrectiveActionRequest(description, owner, dueDate), db, clock, ct), ct)
            : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(Guid actionId, CorrectiveActionStatus? status, VerificationMethod? verificationMethod, string? reason, CancellationToken ct)
    {
        if (!await db.CorrectiveActions.AnyAsync(c => c.Id == actionId && db.Findings.Any(f => f.Id == c.FindingId && f.AuditId == Id), ct)) return NotFound();
        var moved = await MoveCorrectiveAction.HandleAsync(actionId, new MoveCorrectiveAction.Request(status, verificationMethod, reason),
            ComplianceClaims.ActorOf(User) ?? "unknown", db, clock, ct);
        return await AfterAsync(moved, ct);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(EvidenceOwner ownerType, Guid ownerId, IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            ModelState.AddModelError("", "Choose a file to upload.");
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        await using var content = file.OpenReadStream();
        var uploaded = await UploadEvidence.HandleAsync(new UploadEvidence.Upload(ownerType, ownerId, file.FileName, content, null),
            ComplianceClaims.ActorOf(User) ?? "unknown", db, blobs, UploadEvidence.MaxBytes(configuration), clock, ct);
        return await AfterAsync(uploaded, ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.Failure == Failure.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/Audits/Details/{Id}");
        outcome.AddTo(ModelState, "Input");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private Task<bool> OwnsFindingAsync(Guid findingId, CancellationToken ct) => db.Findings.AnyAsync(f => f.Id == findingId && f.AuditId == Id, ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await GetAudit.HandleAsync(Id, db, clock, ct);
        if (!found.Succeeded) return false;
        Audit = found.Value!;
        var owners = new List<Guid> { Audit.Id };
        owners.AddRange(Audit.Findings.Select(f => f.Id));
        owners.AddRange(Audit.Findings.SelectMany(f => f.Actions).Select(c => c.Id));
        Evidence = await db.EvidenceFiles.AsNoTracking().Where(e => owners.Contains(e.OwnerId)).OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceFiles.Row(e.Id, e.OwnerType, e.OwnerId, e.FileName, e.ContentType, e.Length, e.Sha256, e.Description, e.UploadedAt, e.UploadedBy))
            .ToListAsync(ct);
        return true;
    }
}
