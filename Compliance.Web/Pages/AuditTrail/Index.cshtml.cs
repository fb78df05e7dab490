using Compliance.Domain.Common;
using Compliance.Web.Features.AuditTrail;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.AuditTrail;

public sealed class IndexModel(ComplianceDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    public Features.Paged<AuditEvents.Row> Result { get; private set; } = null!;
    public ChainVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await AuditEvents.ListAsync(new AuditEvents.Query(EntityType, null, PageNumber), db, ct);
        if (Verify) Verification = await AuditEvents.VerifyAsync(db, ct);
    }
}
