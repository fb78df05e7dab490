using Compliance.Web.Features.Disclosures;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Handlers = Compliance.Web.Features.Disclosures.Disclosures;

namespace Compliance.Web.Pages.Disclosures;

/// <summary>A disclosure: its statements with the figures behind them, rewording of a draft, issuing, and the PDF.</summary>
public sealed class DetailsModel(ComplianceDbContext db, IBlobStore blobs, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public DisclosureContent Disclosure { get; private set; } = null!;
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await db.Disclosures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, ct) is { } d
            ? new ResultAdapter(await Handlers.PdfAsync(d, db, blobs, clock, ct))
            : NotFound();

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsPost(Request.Method) && !CanWrite) context.Result = Forbid();
    }

    public async Task<IActionResult> OnPostEditAsync(string element, string? text, CancellationToken ct) =>
        await AfterAsync(await Handlers.EditAsync(Id, element, new Handlers.EditRequest(text), db, clock, ct), ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct) =>
        await AfterAsync(await Handlers.IssueAsync(Id, ComplianceClaims.ActorOf(User) ?? "unknown", db, blobs, clock, ct), ct);

    private async Task<IActionResult> AfterAsync(Infrastructure.Http.Outcome<DisclosureContent> outcome, CancellationToken ct)
    {
        if (outcome.Failure == Infrastructure.Http.Failure.NotFound) return NotFound();
        if (outcome.Succeeded) return RedirectToPage(new { Id });
        foreach (var e in outcome.Errors ?? []) ModelState.AddModelError("", e.Message);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await Handlers.GetAsync(Id, db, clock, ct);
        if (!found.Succeeded) return false;
        Disclosure = found.Value!;
        return true;
    }

    /// <summary>Runs a minimal-API result (the PDF the API serves) from a page handler.</summary>
    private sealed class ResultAdapter(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
