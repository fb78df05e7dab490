using Compliance.Domain.Common;

namespace Compliance.Domain.Attestations;

/// <summary>FAR 52.222-50(d): credible information disclosed to the contracting officer and the agency Inspector General.</summary>
public sealed class CredibleInformationDisclosure : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid? ContractId { get; set; }
    public required string WhatWasDisclosed { get; set; }
    public required string ContractingOfficer { get; set; }
    public required string InspectorGeneral { get; set; }
    public DateOnly DisclosedOn { get; set; }
    public string? ActionsTaken { get; set; }
    public Guid? GrievanceId { get; set; }
    public Guid? FindingId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum TrainingAudience
{
    /// <summary>Company employees.</summary>
    Employees,
    /// <summary>Management with direct responsibility for supply-chain management (Cal. Civ. Code 1714.43(c)(5)).</summary>
    SupplyChainManagement,
}

/// <summary>Training on human trafficking and slavery (Cal. Civ. Code 1714.43(c)(5); FAR 52.222-50(h)(3)(i) awareness).</summary>
public sealed class TrainingSession : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public TrainingAudience Audience { get; set; }
    public int Trained { get; set; }
    public int InScope { get; set; }
    public bool CoversSupplyChainRiskMitigation { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Internal accountability standards for employees or contractors failing company standards (Cal. Civ. Code 1714.43(c)(4)). One per organization.</summary>
public sealed class AccountabilityPolicy : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Text { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum EnforcementTarget
{
    Employee,
    Contractor,
    Supplier,
    Agent,
}

/// <summary>A dated action taken under the accountability policy (FAR 52.222-50(c)(2) too: action up to termination).</summary>
public sealed class EnforcementAction : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public DateOnly TakenOn { get; set; }
    public EnforcementTarget Against { get; set; }
    public required string Description { get; set; }
    public DateTime CreatedAt { get; set; }
}
