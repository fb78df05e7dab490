namespace Compliance.Domain.Attestations;

/// <summary>One version of a statement to be signed.</summary>
public sealed record Statement(AttestationKind Kind, string Version, string Text);

/// <summary>
/// The statements the app asks people to sign, each with a version. A new wording gets a new version here; signed
/// attestations keep their own copy of the text, so a change here never alters what was signed.
/// </summary>
public static class AttestationStatements
{
    public static Statement Current(AttestationKind kind) => kind switch
    {
        AttestationKind.SupplierCertification => SupplierV1,
        AttestationKind.FlowDown => FlowDownV1,
        _ => FarV1,
    };

    // Cal. Civ. Code 1714.43(c)(3): direct suppliers certify that materials incorporated into the product comply with the
    // laws regarding slavery and human trafficking of the country or countries in which they are doing business.
    public static readonly Statement SupplierV1 = new(AttestationKind.SupplierCertification, "supplier-1.0",
        "I certify, on behalf of the supplier named above, that the materials we incorporate into the products we supply to you comply with the laws regarding slavery and human trafficking of the country or countries in which we are doing business. "
        + "We do not use forced, bonded, indentured or involuntary prison labour, we do not charge workers recruitment fees, and we do not withhold workers' identity or immigration documents. "
        + "We will tell you promptly if we learn of any practice inconsistent with this certification.");

    // FAR 52.222-50(i): the substance of the clause flows down to all subcontracts; (i)(2) certification before award and annually.
    public static readonly Statement FlowDownV1 = new(AttestationKind.FlowDown, "flow-down-1.0",
        "I certify, on behalf of the subcontractor named above, that we have received and accepted the substance of FAR 52.222-50, Combating Trafficking in Persons, including its paragraph (i), in our subcontract, and that we include it in our own subcontracts and contracts with agents. "
        + "Where paragraph (h) applies, we have implemented a compliance plan to prevent the activities prohibited by FAR 52.222-50(b) and to monitor, detect and terminate any agent, subcontract or subcontractor employee that has engaged in them; "
        + "and, after having conducted due diligence, either to the best of our knowledge and belief neither we nor any of our agents, subcontractors or their agents is engaged in any such activities, or, if abuses were found, we have taken the appropriate remedial and referral actions.");

    // FAR 52.222-56(b) and 52.222-50(h)(5): the contractor's annual certification to the contracting officer.
    public static readonly Statement FarV1 = new(AttestationKind.FarCertification, "far-52.222-56-1.0",
        "The Contractor certifies that (1) it has implemented a compliance plan to prevent any prohibited activities identified in paragraph (b) of FAR 52.222-50, Combating Trafficking in Persons, and to monitor, detect, and terminate the contract with a subcontractor engaging in prohibited activities identified at paragraph (b) of that clause; "
        + "and (2) after having conducted due diligence, either (i) to the best of the Contractor's knowledge and belief, neither it nor any of its agents, subcontractors, or their agents is engaged in any such activities; "
        + "or (ii) if abuses relating to any of the prohibited activities identified in paragraph (b) of FAR 52.222-50 have been found, the Contractor or subcontractor has taken the appropriate remedial and referral actions.");
}
