using System.Globalization;

namespace Compliance.Domain.Disclosures;

/// <summary>The contract as the FAR disclosure states it, with the threshold decision of FAR 52.222-50(h)(1).</summary>
public sealed record FarContract(string Number, string Agency, string ContractingOfficer, decimal Value, decimal OutsideUsValue, DateOnly AwardDate,
    bool CompliancePlanRequired, string Reason);

/// <param name="Text">Null when the plan says nothing on the element.</param>
public sealed record FarPlanElement(string Element, string Citation, string? Text);

public sealed record FarPlan(int? Version, DateTime? SavedAt, string? SavedBy, IReadOnlyList<FarPlanElement> Elements);

/// <summary>The latest FAR 52.222-56 certification for the contract, with the statement exactly as signed.</summary>
public sealed record FarCertification(string Status, string StatementVersion, string StatementText, string? Signer, string? SignerTitle, DateOnly? SignedOn,
    DateOnly? ValidUntil, string? Review);

public sealed record FarSubcontractor(string Reference, string Name, string Country, string FlowDown, DateOnly? SignedOn, DateOnly? ValidUntil,
    int OpenHits, int ConfirmedHits, int MitigatedHits);

public sealed record FarCredibleInformation(DateOnly DisclosedOn, string WhatWasDisclosed, string ContractingOfficer, string InspectorGeneral, string? ActionsTaken, string? Source);

public sealed record FarRemedialAction(string Supplier, string Action, string Status, DateOnly Due, string Finding);

/// <summary>Everything the FAR zero-tolerance disclosure of one contract says, read from the records.</summary>
/// <param name="SubcontractorBasis">Which suppliers the subcontractor sections cover, in words.</param>
public sealed record FarDisclosureContent(FarContract Contract, FarPlan Plan, FarCertification? Certification, string SubcontractorBasis,
    IReadOnlyList<FarSubcontractor> Subcontractors, IReadOnlyList<FarCredibleInformation> CredibleInformation, IReadOnlyList<FarRemedialAction> RemedialActions)
{
    /// <summary>The document's summary, each sentence one the records bear out.</summary>
    public IReadOnlyList<string> Summary()
    {
        var lines = new List<string> { Contract.Reason };
        var missing = Plan.Elements.Where(e => string.IsNullOrWhiteSpace(e.Text)).Select(e => e.Element).ToList();
        lines.Add(Plan.Version is null
            ? "No compliance plan is recorded (FAR 52.222-50(h)(3))."
            : missing.Count == 0
                ? $"The compliance plan (version {Plan.Version}) addresses all five elements of FAR 52.222-50(h)(3)."
                : $"The compliance plan (version {Plan.Version}) does not address: {string.Join("; ", missing)}.");
        lines.Add(Certification is { } c
            ? $"FAR 52.222-56 certification: {c.Status.ToLowerInvariant()}{(c.Signer is { } s ? $", signed by {s}{(c.SignerTitle is { } t ? $" ({t})" : "")} on {c.SignedOn:MMMM d, yyyy}" : "")}" +
              $"{(c.ValidUntil is { } v ? $", valid until {v:MMMM d, yyyy}" : "")}."
            : "No FAR 52.222-56 certification is recorded for this contract.");
        var current = Subcontractors.Count(s => s.FlowDown == "Current");
        lines.Add(Subcontractors.Count == 0
            ? "No subcontractor is recorded."
            : $"{N(current)} of {N(Subcontractors.Count)} subcontractors hold a current flow-down certification (FAR 52.222-50(i)); " +
              $"{N(Subcontractors.Count(s => s.OpenHits + s.ConfirmedHits > 0))} have open or confirmed screening hits.");
        lines.Add(CredibleInformation.Count == 0
            ? "No credible information was disclosed under FAR 52.222-50(d)."
            : $"{N(CredibleInformation.Count)} disclosure(s) of credible information were made under FAR 52.222-50(d).");
        lines.Add($"{N(RemedialActions.Count(a => a.Status is not ("Verified" or "Completed")))} remedial action(s) are open; {N(RemedialActions.Count(a => a.Status is "Verified" or "Completed"))} are completed.");
        return lines;
    }

    private static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
