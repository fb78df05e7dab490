using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Pages.Report;

/// <summary>
/// The reporter's follow-up: receipt code and passphrase are posted (never put in a URL), then the status and the
/// handler's messages are shown, with a box to write back.
/// </summary>
[EnableRateLimiting(RateLimits.GrievanceFollowUp)]
public sealed class FollowUpModel(ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty] public string? ReceiptCode { get; set; }
    [BindProperty] public string? Passphrase { get; set; }
    [BindProperty] public string? Message { get; set; }
    public string OrganizationName { get; private set; } = "";
    public IntakeText Text { get; private set; } = IntakeLanguages.For(null);
    public FollowUpGrievance.CaseView? Case { get; private set; }
    public bool NotFoundAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        await ShowAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var sent = await FollowUpGrievance.ReplyAsync(ReceiptCode ?? "", Passphrase, new FollowUpGrievance.Reply(Message), db, protector, clock, ct);
        if (sent.Succeeded) Message = null;
        else if (sent.Failure != Failure.NotFound) sent.AddTo(ModelState, "");
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Case = await FollowUpGrievance.FindAsync(ReceiptCode ?? "", Passphrase, db, protector, ct);
        NotFoundAnswer = Case is null;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReportPage.ResolveAsync(Slug, Lang, Request, db, ViewData, ct) is not { } resolved) return false;
        (OrganizationName, Text) = resolved;
        return true;
    }
}
