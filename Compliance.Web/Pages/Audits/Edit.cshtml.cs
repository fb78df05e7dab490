using Compliance.Domain.Audits;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Audits;

/// <summary>Record or correct an audit through the handlers of POST and PUT /api/v1/audits.</summary>
public sealed class EditModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    public sealed class AuditInput
    {
        public string? SupplierReference { get; set; }
        public AuditScheme Scheme { get; set; } = AuditScheme.Smeta;
        public AuditType Type { get; set; } = AuditType.Initial;
        public AuditAnnouncement Announcement { get; set; } = AuditAnnouncement.Announced;
        public bool IsIndependent { get; set; } = true;
        public string? AuditFirm { get; set; }
        public string? LeadAuditor { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public int? WorkersInterviewed { get; set; }
        public string? Rating { get; set; }
        public string? Summary { get; set; }
    }

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public AuditInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? supplierId, CancellationToken ct)
    {
        if (Id is { } id)
        {
            var found = await GetAudit.HandleAsync(id, db, clock, ct);
            if (!found.Succeeded) return NotFound();
            var a = found.Value!;
            Input = new AuditInput
            {
                SupplierReference = await db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.ExternalReference).FirstAsync(ct),
                Scheme = a.Scheme, Type = a.Type, Announcement = a.Announcement, IsIndependent = a.IsIndependent, AuditFirm = a.AuditFirm,
                LeadAuditor = a.LeadAuditor, StartDate = a.StartDate, EndDate = a.EndDate, WorkersInterviewed = a.WorkersInterviewed, Rating = a.Rating, Summary = a.Summary,
            };
        }
        else if (supplierId is { } sid)
        {
            Input.SupplierReference = await db.Suppliers.Where(s => s.Id == sid).Select(s => s.ExternalReference).FirstOrDefaultAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var reference = Input.SupplierReference?.Trim();
        var supplierId = string.IsNullOrEmpty(reference) ? null
            : await db.Suppliers.Where(s => s.ExternalReference == reference).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (supplierId is null)
        {
            ModelState.AddModelError("Input.SupplierReference", string.IsNullOrEmpty(reference) ? "Enter the audited supplier's external reference." : $"No supplier has the external reference '{reference}'.");
            return Page();
        }
        var request = new AuditRequest(supplierId, Input.Scheme, Input.Type, Input.Announcement, Input.IsIndependent, Input.AuditFirm, Input.LeadAuditor,
            Input.StartDate, Input.EndDate, Input.WorkersInterviewed, Input.Rating, Input.Summary);
        var saved = Id is { } id ? await RecordAudit.UpdateAsync(id, request, db, clock, ct) : await RecordAudit.CreateAsync(request, db, clock, ct);
        if (saved.Failure == Infrastructure.Http.Failure.NotFound) return NotFound();
        if (!saved.Succeeded)
        {
            saved.AddTo(ModelState, nameof(Input));
            return Page();
        }
        return Redirect($"/Audits/Details/{saved.Value!.Id}");
    }
}
