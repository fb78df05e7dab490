using Compliance.Web.Features.AuditTrail;
using Compliance.Web.Features.Organizations;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages;

public sealed class IndexModel(ComplianceDbContext db) : PageModel
{
    public OrganizationOverview.Figures Overview { get; private set; } = null!;
    public Features.Paged<AuditEvents.Row> Recent { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await OrganizationOverview.HandleAsync(db, ct);
        Recent = await AuditEvents.ListAsync(new AuditEvents.Query(PageSize: 8), db, ct);
    }
}
