using Compliance.Domain.Attestations;
using Compliance.Web.Features.Attestations;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Officer;

/// <summary>One submission to the officer's agency: statement, compliance plan summary, evidence list; accept or return with comments.</summary>
public sealed class ReviewModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Comments { get; set; }
    public OfficerReview.Submission Submission { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => DecideAsync(ReviewDecision.Accept, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => DecideAsync(ReviewDecision.Return, ct);

    private async Task<IActionResult> DecideAsync(ReviewDecision decision, CancellationToken ct)
    {
        var reviewed = await OfficerReview.ReviewAsync(OfficerReview.AgencyOf(User)!, ComplianceClaims.ActorOf(User) ?? "officer", Id, new OfficerReview.ReviewRequest(decision, Comments), db, clock, ct);
        if (reviewed.Failure == Failure.NotFound) return NotFound();
        if (reviewed.Succeeded) return Redirect($"/Officer/Review/{Id}");
        reviewed.AddTo(ModelState, "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await OfficerReview.GetAsync(OfficerReview.AgencyOf(User)!, Id, db, ct);
        if (!found.Succeeded) return false;
        Submission = found.Value!;
        return true;
    }
}
