using Compliance.Domain.Screening;
using Compliance.Web.Features.Screening;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Screening;

/// <summary>The risk dashboard: hits by status, by country and by good, and the latest runs. Same handlers as /api/v1/screening.</summary>
public sealed class IndexModel(ComplianceDbContext db, ScreeningSignal signal, TimeProvider clock) : PageModel
{
    public RiskDashboard.Summary Summary { get; private set; } = null!;
    public IReadOnlyList<ScreeningRuns.Run> Runs { get; private set; } = [];
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = await RiskDashboard.HandleAsync(db, ct);
        Runs = await ScreeningRuns.LatestAsync(10, db, ct);
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var started = await ScreeningRuns.StartAsync(ComplianceClaims.ActorOf(User) ?? "unknown", db, signal, clock, ct);
        Message = $"Screening run queued ({started.Id}). Refresh to follow it.";
        return RedirectToPage();
    }

    /// <summary>Why a run happened, as the officer would say it.</summary>
    public static string TriggerWords(string trigger) => trigger switch
    {
        nameof(ScreeningTrigger.NewListEdition) => "new list edition",
        nameof(ScreeningTrigger.SupplierImport) => "supplier import",
        nameof(ScreeningTrigger.SupplierSaved) => "supplier saved",
        _ => trigger.ToLowerInvariant(),
    };
}
