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

    /// <summary>Every supplier the filters select, as CSV; text that could run as a formula is neutralised.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await Infrastructure.Http.PipedDownload.CsvAsync(HttpContext, "suppliers.csv", csv =>
        {
            csv.Write("Reference").Write("Name").Write("Country").Write("Tier").Write("Status").Write("LEI").Write("DUNS").Write("USCC").Write("Products").Write("Updated (UTC)").EndRow();
            foreach (var s in ListSuppliers.Matching(new ListSuppliers.Query(Search, Country), db).OrderBy(s => s.Name).ThenBy(s => s.Id)
                         .Select(s => new { s.ExternalReference, s.Name, s.Country, s.Tier, s.Status, s.Lei, s.Duns, s.Uscc, Products = s.Products.Count, s.UpdatedAt }).AsEnumerable())
                csv.Write(s.ExternalReference).Write(s.Name).Write(s.Country).Write(s.Tier).Write(s.Status.ToString()).Write(s.Lei).Write(s.Duns).Write(s.Uscc).Write(s.Products).Write(s.UpdatedAt).EndRow();
        }, ct);
        return new EmptyResult(); // the response is written
    }
}
