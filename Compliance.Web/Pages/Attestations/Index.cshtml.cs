using Compliance.Domain.Attestations;
using Compliance.Domain.Tenancy;
using Compliance.Web.Features.Attestations;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Attestations;

/// <summary>Contracts, certifications (with the officer's outcome), flow-down standing, and supplier certification requests.</summary>
public sealed class IndexModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    public sealed class RequestInput
    {
        public string? SupplierReference { get; set; }
        public AttestationKind Kind { get; set; } = AttestationKind.SupplierCertification;
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
    }

    [BindProperty] public RequestInput Input { get; set; } = new();
    public List<FederalContracts.Response> Contracts { get; private set; } = [];
    public List<AttestationRequests.Row> Attestations { get; private set; } = [];
    public List<AttestationRequests.FlowDownRow> FlowDown { get; private set; } = [];
    public bool CanWrite => User.IsInRole(nameof(Role.Admin)) || User.IsInRole(nameof(Role.ComplianceOfficer));
    /// <summary>The link just made, shown once.</summary>
    public string? NewLink { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var reference = Input.SupplierReference?.Trim();
        var supplierId = string.IsNullOrEmpty(reference) ? null
            : await db.Suppliers.Where(s => s.ExternalReference == reference).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (supplierId is null) ModelState.AddModelError("Input.SupplierReference", string.IsNullOrEmpty(reference) ? "Enter the supplier's external reference." : $"No supplier has the external reference '{reference}'.");
        else
        {
            var kind = Input.Kind == AttestationKind.FlowDown ? AttestationKind.FlowDown : AttestationKind.SupplierCertification;
            var created = await AttestationRequests.CreateAsync(new AttestationRequests.CreateRequest(kind, supplierId, null, Input.ContactName, Input.ContactEmail, null),
                ComplianceClaims.ActorOf(User) ?? "unknown", db, clock, ct);
            if (created.Succeeded)
            {
                NewLink = $"{Request.Scheme}://{Request.Host}{created.Value!.CertifyUrl}";
                Input = new RequestInput();
                ModelState.Clear();
            }
            else created.AddTo(ModelState, nameof(Input));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Contracts = await FederalContracts.ListAsync(db, ct);
        Attestations = await AttestationRequests.ListAsync(null, null, db, ct);
        FlowDown = (await AttestationRequests.FlowDownAsync(db, clock, ct)).Where(f => f.Status is not null).ToList();
    }
}
