using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Audits;

/// <summary>The CAP ageing view and the queue of open actions.</summary>
public sealed class ActionsModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    public CorrectiveActionQueue.Ageing Ageing { get; private set; } = null!;
    public Features.Paged<CorrectiveActionQueue.Row> Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ageing = await CorrectiveActionQueue.AgeingAsync(db, clock, ct);
        Queue = await CorrectiveActionQueue.ListAsync(new CorrectiveActionQueue.Query(Overdue: Overdue ? true : null, OpenOnly: true, PageSize: 200), db, clock, ct);
    }
}
