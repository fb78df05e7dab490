using Compliance.Domain.Attestations;
using Compliance.Domain.Tenancy;
using Compliance.Web.Features.Attestations;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Attestations;

/// <summary>Credible-information disclosures (FAR 52.222-50(d)), training sessions and the accountability policy with its actions.</summary>
public sealed class RecordsModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    public List<CredibleInformation.Record> Disclosures { get; private set; } = [];
    public List<TrainingAndAccountability.TrainingRecord> Training { get; private set; } = [];
    public TrainingAndAccountability.PolicyRecord? Policy { get; private set; }
    public List<TrainingAndAccountability.ActionRecord> Actions { get; private set; } = [];
    public bool CanWrite => User.IsInRole(nameof(Role.Admin)) || User.IsInRole(nameof(Role.ComplianceOfficer));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDisclosureAsync(string? whatWasDisclosed, string? contractingOfficer, string? inspectorGeneral, DateOnly? disclosedOn, string? actionsTaken, CancellationToken ct) =>
        !CanWrite ? Forbid() : await AfterAsync(await CredibleInformation.RecordAsync(new CredibleInformation.Request(null, whatWasDisclosed, contractingOfficer, inspectorGeneral, disclosedOn, actionsTaken, null, null),
            ComplianceClaims.ActorOf(User) ?? "unknown", db, clock, ct), ct);

    public async Task<IActionResult> OnPostTrainingAsync(string? title, DateOnly? heldOn, TrainingAudience? audience, int? trained, int? inScope, bool coversRisk, CancellationToken ct) =>
        !CanWrite ? Forbid() : await AfterAsync(await TrainingAndAccountability.RecordTrainingAsync(new TrainingAndAccountability.TrainingRequest(title, heldOn, audience, trained, inScope, coversRisk), db, clock, ct), ct);

    public async Task<IActionResult> OnPostPolicyAsync(string? text, DateOnly? adoptedOn, CancellationToken ct) =>
        !CanWrite ? Forbid() : await AfterAsync(await TrainingAndAccountability.SavePolicyAsync(new TrainingAndAccountability.PolicyRequest(text, adoptedOn), db, clock, ct), ct);

    public async Task<IActionResult> OnPostActionAsync(DateOnly? takenOn, EnforcementTarget? against, string? description, CancellationToken ct) =>
        !CanWrite ? Forbid() : await AfterAsync(await TrainingAndAccountability.RecordActionAsync(new TrainingAndAccountability.ActionRequest(takenOn, against, description), db, clock, ct), ct);

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.Succeeded) return Redirect("/Attestations/Records");
        foreach (var e in outcome.Errors ?? []) ModelState.AddModelError(e.Field, e.Message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Disclosures = await CredibleInformation.ListAsync(null, null, db, ct);
        Training = await TrainingAndAccountability.ListTrainingAsync(null, null, db, ct);
        Policy = await TrainingAndAccountability.GetPolicyAsync(db, ct);
        Actions = await TrainingAndAccountability.ListActionsAsync(null, null, db, ct);
    }
}
