using Compliance.Domain.Grievances;
using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Pages.Report;

/// <summary>The public grievance form of an organization: no account, anonymous unless the worker leaves contact details.</summary>
[EnableRateLimiting(RateLimits.GrievanceIntake)]
public sealed class IndexModel(ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public string OrganizationName { get; private set; } = "";
    public IntakeText Text { get; private set; } = IntakeLanguages.For(null);
    public SubmitGrievance.Receipt? Receipt { get; private set; }

    public sealed class InputModel
    {
        public string? Category { get; set; }
        public string? Description { get; set; }
        public string? Workplace { get; set; }
        public string? Contact { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var outcome = await SubmitGrievance.HandleAsync(new SubmitGrievance.Request(Input.Category, Input.Description, Text.Tag, Input.Workplace, Input.Contact),
            GrievanceChannel.WebForm, db, protector, clock, ct);
        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState, nameof(Input));
            return Page();
        }
        Receipt = outcome.Value;
        ModelState.Clear();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReportPage.ResolveAsync(Slug, Lang, Request, db, ViewData, ct) is not { } resolved) return false;
        (OrganizationName, Text) = resolved;
        return true;
    }
}
