using Compliance.Domain.Screening;
using Compliance.Web.Features.Screening;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Screening;

/// <summary>The review queue: current hits (open by default) with a decision form each. Same handlers as /api/v1/screening/hits.</summary>
public sealed class ReviewModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "Open";
    [BindProperty(SupportsGet = true)] public Guid? SupplierId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Features.Paged<ScreeningHits.Row> Hits { get; private set; } = null!;
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? decision, string? reason, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var outcome = await DecideHit.HandleAsync(id, new DecideHit.Request(decision, reason), ComplianceClaims.ActorOf(User) ?? "unknown", db, clock, ct);
        if (outcome.Failure == Infrastructure.Http.Failure.NotFound) return NotFound();
        if (outcome.Succeeded)
        {
            Message = $"{outcome.Value!.SupplierName}: {outcome.Value.Good ?? outcome.Value.EntityName} marked {Words(outcome.Value.Status)}.";
            return RedirectToPage(new { Status, SupplierId });
        }
        foreach (var e in outcome.Errors ?? []) ModelState.AddModelError($"hit-{id}", e.Message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        HitStatus? status = Enum.TryParse<HitStatus>(Status, true, out var s) ? s : null;
        Hits = await ScreeningHits.ListAsync(new ScreeningHits.Query(status, SupplierId, Page: PageNumber), db, ct);
    }

    public static string Words(string status) => status switch
    {
        nameof(HitStatus.FalsePositive) => "false positive",
        _ => status.ToLowerInvariant(),
    };
}
