using Compliance.Domain.Grievances;
using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Grievances;

/// <summary>One case, for its handler (GrievanceHandler only): what the worker wrote, the thread, triage and the next step. Forms post to the API's handlers.</summary>
public sealed class DetailsModel(ComplianceDbContext db, GrievanceProtector protector, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public GrievanceCases.Case Case { get; private set; } = null!;
    public GrievanceCases.Content CaseFile => Case.Content!;
    public string? SupplierReference { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMessageAsync(string? body, bool @internal, CancellationToken ct) =>
        await AfterAsync(await WriteGrievanceMessage.HandleAsync(Id, new WriteGrievanceMessage.Request(body, @internal), ComplianceClaims.ActorOf(User) ?? "unknown",
            db, protector, clock, ct), ct);

    public async Task<IActionResult> OnPostMoveAsync(GrievanceStatus? status, string? note, CancellationToken ct) =>
        await AfterAsync(await MoveGrievance.HandleAsync(Id, new MoveGrievance.Request(status, note), db, clock, ct), ct);

    public async Task<IActionResult> OnPostTriageAsync(GrievanceCategory? category, string? supplierReference, string? assignedTo, bool retaliationWatch,
        DateOnly? retaliationFollowUpOn, bool credibleInformation, CancellationToken ct)
    {
        Guid? supplierId = null;
        if (!string.IsNullOrWhiteSpace(supplierReference))
        {
            var reference = supplierReference.Trim();
            supplierId = await db.Suppliers.Where(s => s.ExternalReference == reference).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (supplierId is null)
            {
                ModelState.AddModelError("", $"No supplier with reference '{reference}'.");
                return await LoadAsync(ct) ? Page() : NotFound();
            }
        }
        return await AfterAsync(await TriageGrievance.HandleAsync(Id, new TriageGrievance.Request(category, supplierId, assignedTo, retaliationWatch,
            retaliationFollowUpOn, credibleInformation), db, clock, ct), ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.Failure == Failure.NotFound) return NotFound();
        if (outcome.Succeeded) return RedirectToPage(new { Id });
        foreach (var e in outcome.Errors ?? []) ModelState.AddModelError("", e.Message);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await GrievanceCases.GetAsync(Id, withContent: true, db, protector, clock, ct);
        if (!found.Succeeded) return false;
        Case = found.Value!;
        if (Case.Summary.SupplierId is { } sid)
            SupplierReference = await db.Suppliers.Where(s => s.Id == sid).Select(s => s.ExternalReference).FirstOrDefaultAsync(ct);
        return true;
    }
}
