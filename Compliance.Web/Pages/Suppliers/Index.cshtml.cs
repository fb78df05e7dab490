using Compliance.Web.Features.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Suppliers;

public sealed class IndexModel(ComplianceDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Features.Paged<ListSuppliers.Row> Result { get; private set; } = null!;
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await ListSuppliers.HandleAsync(new ListSuppliers.Query(Search, Country, PageNumber), db, ct);
}
