using Compliance.Domain.Disclosures;
using Compliance.Web.Features.Disclosures;
using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Published;

/// <summary>
/// The page a company links from its homepage (Cal. Civ. Code 1714.43(b): a conspicuous and easily understood link):
/// the latest issued California disclosure as HTML, with its PDF. Public; nothing else of the organization shows.
/// </summary>
public sealed class CaliforniaModel(ComplianceDbContext db, IBlobStore blobs, TimeProvider clock) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    public DisclosureContent Disclosure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LatestAsync(ct) is { } d ? await ShowAsync(d, ct) : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LatestAsync(ct) is not { PdfSha256: { } sha } d) return NotFound();
        var stream = await blobs.OpenReadAsync(d.OrganizationId.ToString(), sha, ct);
        if (stream is null) return NotFound();
        return File(stream, "application/pdf", $"california-supply-chains-disclosure-{d.PeriodEnd:yyyy}.pdf");
    }

    private async Task<IActionResult> ShowAsync(Disclosure d, CancellationToken ct)
    {
        Disclosure = await DisclosureContent.OfAsync(d, db, clock, ct);
        ViewData["Organization"] = Disclosure.Company;
        return Page();
    }

    private async Task<Disclosure?> LatestAsync(CancellationToken ct)
    {
        if (!await PublicOrganization.UseAsync(Slug, db, ct)) return null;
        return await db.Disclosures.AsNoTracking()
            .Where(d => d.Kind == DisclosureKind.CaliforniaTisc && d.Status == DisclosureStatus.Issued)
            .OrderByDescending(d => d.IssuedAt).FirstOrDefaultAsync(ct);
    }
}
