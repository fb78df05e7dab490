using Compliance.Domain.Attestations;
using Compliance.Domain.Tenancy;
using Compliance.Web.Features.Attestations;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Attestations;

/// <summary>Record or correct a federal contract (the handlers of POST/PUT /api/v1/contracts) and start its FAR certification.</summary>
public sealed class ContractModel(ComplianceDbContext db, CompliancePlanThreshold threshold, TimeProvider clock) : PageModel
{
    public sealed class ContractInput
    {
        public string? Number { get; set; }
        public string? Agency { get; set; }
        public string? ContractingOfficerEmail { get; set; }
        public decimal? Value { get; set; }
        public decimal? OutsideUsValue { get; set; }
        public DateOnly? AwardDate { get; set; }
    }

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public ContractInput Input { get; set; } = new();
    public FederalContracts.Response? Contract { get; private set; }
    public List<AttestationRequests.Row> Certifications { get; private set; } = [];
    public bool CanWrite => User.IsInRole(nameof(Role.Admin)) || User.IsInRole(nameof(Role.ComplianceOfficer));
    public bool IsAdmin => User.IsInRole(nameof(Role.Admin));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return CanWrite ? Page() : Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        var c = Contract!;
        Input = new ContractInput { Number = c.Number, Agency = c.Agency, ContractingOfficerEmail = c.ContractingOfficerEmail, Value = c.Value, OutsideUsValue = c.OutsideUsValue, AwardDate = c.AwardDate };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var request = new FederalContracts.Request(Input.Number, Input.Agency, Input.ContractingOfficerEmail, Input.Value, Input.OutsideUsValue, Input.AwardDate);
        var saved = Id is { } id ? await FederalContracts.UpdateAsync(id, request, db, threshold, clock, ct) : await FederalContracts.CreateAsync(request, db, threshold, clock, ct);
        if (saved.Failure == Failure.NotFound) return NotFound();
        if (saved.Succeeded) return Redirect($"/Attestations/Contract/{saved.Value!.Id}");
        saved.AddTo(ModelState, nameof(Input));
        if (Id is not null) await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCertifyAsync(CancellationToken ct)
    {
        if (!IsAdmin || Id is null) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        var created = await AttestationRequests.CreateAsync(new AttestationRequests.CreateRequest(AttestationKind.FarCertification, null, Id, null, null, null),
            ComplianceClaims.ActorOf(User) ?? "unknown", db, clock, ct);
        if (created.Succeeded) return Redirect($"/Attestations/Details/{created.Value!.Id}");
        created.AddTo(ModelState, nameof(Input));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await FederalContracts.GetAsync(Id!.Value, db, ct);
        if (!found.Succeeded) return false;
        Contract = found.Value;
        Certifications = (await AttestationRequests.ListAsync(AttestationKind.FarCertification, null, db, ct)).Where(a => a.ContractNumber == Contract!.Number).ToList();
        return true;
    }
}
