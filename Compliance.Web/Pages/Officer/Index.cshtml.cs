using Compliance.Web.Features.Attestations;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Officer;

/// <summary>The contracting officer's queue: FAR certifications submitted to their agency, across contractors.</summary>
public sealed class IndexModel(ComplianceDbContext db) : PageModel
{
    public string Agency { get; private set; } = "";
    public List<CrossTenant.OfficerQueueRow> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agency = OfficerReview.AgencyOf(User)!;
        Queue = await OfficerReview.QueueAsync(Agency, db, ct);
    }
}
