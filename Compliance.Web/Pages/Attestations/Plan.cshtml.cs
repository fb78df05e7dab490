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

namespace Compliance.Web.Pages.Attestations;

/// <summary>The compliance plan editor (PUT /api/v1/compliance-plan's handler): each save is a new version; evidence per element.</summary>
public sealed class PlanModel(ComplianceDbContext db, IBlobStore blobs, IConfiguration configuration, TimeProvider clock) : PageModel
{
    [BindProperty] public CompliancePlans.Request Input { get; set; } = new(null, null, null, null, null, null);
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    public CompliancePlans.Plan Plan { get; private set; } = null!;
    public bool CanWrite => User.IsInRole(nameof(Role.Admin)) || User.IsInRole(nameof(Role.ComplianceOfficer));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var text = Plan.Elements.ToDictionary(e => e.Kind, e => e.Text);
        Input = new CompliancePlans.Request(text[Domain.Attestations.CompliancePlanElementKind.AwarenessProgram], text[Domain.Attestations.CompliancePlanElementKind.ReportingProcess],
            text[Domain.Attestations.CompliancePlanElementKind.RecruitmentAndWagePlan], text[Domain.Attestations.CompliancePlanElementKind.HousingPlan],
            Plan.Version is not null && text[Domain.Attestations.CompliancePlanElementKind.HousingPlan] is null, text[Domain.Attestations.CompliancePlanElementKind.SubcontractorProcedures]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var saved = await CompliancePlans.SaveAsync(Input with { NoHousingProvided = Input.NoHousingProvided ?? false }, ComplianceClaims.ActorOf(User) ?? "unknown", db, clock, ct);
        if (saved.Succeeded) return Redirect("/Attestations/Plan");
        saved.AddTo(ModelState, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid elementId, IFormFile? file, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        if (file is null) ModelState.AddModelError("", "Choose a file to upload.");
        else
        {
            await using var content = file.OpenReadStream();
            var uploaded = await UploadEvidence.HandleAsync(new UploadEvidence.Upload(EvidenceOwner.CompliancePlanElement, elementId, file.FileName, content, null),
                ComplianceClaims.ActorOf(User) ?? "unknown", db, blobs, UploadEvidence.MaxBytes(configuration), clock, ct);
            if (uploaded.Succeeded) return Redirect("/Attestations/Plan");
            uploaded.AddTo(ModelState, "");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        await CompliancePlans.EnsureElementsAsync(db, ct);
        var found = await CompliancePlans.GetAsync(Version, db, ct);
        if (!found.Succeeded) return false;
        Plan = found.Value!;
        return true;
    }
}
