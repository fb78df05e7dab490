using Compliance.Domain.Common;

namespace Compliance.Domain.Audits;

/// <summary>The 11 ILO indicators of forced labour, in the ILO booklet's order (ILO SAP-FL, 2012).</summary>
public enum IloIndicator
{
    AbuseOfVulnerability = 1,
    Deception = 2,
    RestrictionOfMovement = 3,
    Isolation = 4,
    PhysicalAndSexualViolence = 5,
    IntimidationAndThreats = 6,
    RetentionOfIdentityDocuments = 7,
    WithholdingOfWages = 8,
    DebtBondage = 9,
    AbusiveWorkingAndLivingConditions = 10,
    ExcessiveOvertime = 11,
}

/// <summary>The activities FAR 52.222-50(b) prohibits for contractors, their employees and agents, in the clause's order.</summary>
public enum FarProhibitedActivity
{
    /// <summary>52.222-50(b)(1)</summary>
    SevereFormsOfTrafficking = 1,
    /// <summary>52.222-50(b)(2)</summary>
    ProcuringCommercialSex = 2,
    /// <summary>52.222-50(b)(3)</summary>
    ForcedLabor = 3,
    /// <summary>52.222-50(b)(4): destroying, concealing, confiscating or denying access to identity or immigration documents.</summary>
    WithheldIdentityDocuments = 4,
    /// <summary>52.222-50(b)(5): misleading or fraudulent recruitment, or recruiters that break local labour law.</summary>
    MisleadingRecruitment = 5,
    /// <summary>52.222-50(b)(6)</summary>
    RecruitmentFees = 6,
    /// <summary>52.222-50(b)(7)</summary>
    NoReturnTransportation = 7,
    /// <summary>52.222-50(b)(8): housing below host-country housing and safety standards.</summary>
    SubstandardHousing = 8,
    /// <summary>52.222-50(b)(9): no written contract, in a language the worker understands, where one is required.</summary>
    NoWrittenContract = 9,
}

public enum FindingSeverity
{
    ZeroTolerance,
    Major,
    Minor,
    Observation,
}

/// <summary>What an audit found: classified by ILO indicator and/or FAR prohibited activity, with a severity.</summary>
public sealed class Finding : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid AuditId { get; set; }
    /// <summary>The audited supplier, kept here so supplier views need no join through the audit.</summary>
    public Guid SupplierId { get; set; }
    public IloIndicator? IloIndicator { get; set; }
    public FarProhibitedActivity? FarActivity { get; set; }
    public FindingSeverity Severity { get; set; }
    public required string Description { get; set; }
    public DateOnly RaisedOn { get; set; }
    public List<CorrectiveAction> Actions { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// A finding stays open until every corrective action on it is verified; one that needs action
    /// (anything but an observation) and has none is open too.
    /// </summary>
    public bool IsOpen => Actions.Count == 0 ? Severity != FindingSeverity.Observation : Actions.Any(a => a.Status != CorrectiveActionStatus.Verified);
}
