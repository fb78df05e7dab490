using Compliance.Web.Features.Notifications;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Notifications;

public sealed class IndexModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    public Notices.Page Notices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Notices = await Features.Notifications.Notices.ListAsync(false, db, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct) =>
        await Features.Notifications.Notices.MarkReadAsync(id, db, clock, ct) ? RedirectToPage() : NotFound();
}
