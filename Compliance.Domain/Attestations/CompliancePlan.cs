using Compliance.Domain.Common;

namespace Compliance.Domain.Attestations;

/// <summary>The minimum contents of a compliance plan, FAR 52.222-50(h)(3)(i)–(v).</summary>
public enum CompliancePlanElementKind
{
    /// <summary>(h)(3)(i) awareness program.</summary>
    AwarenessProgram,
    /// <summary>(h)(3)(ii) reporting process without fear of retaliation, with the Global Human Trafficking Hotline.</summary>
    ReportingProcess,
    /// <summary>(h)(3)(iii) recruitment and wage plan.</summary>
    RecruitmentAndWagePlan,
    /// <summary>(h)(3)(iv) housing plan, if housing is provided or arranged.</summary>
    HousingPlan,
    /// <summary>(h)(3)(v) procedures to prevent, monitor, detect and terminate agents and subcontractors at any tier.</summary>
    SubcontractorProcedures,
}

/// <summary>
/// One element of the organization's plan, stable across versions, so that evidence files linked to it stay linked
/// when the text is revised.
/// </summary>
public sealed class CompliancePlanElement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public CompliancePlanElementKind Kind { get; set; }
}

/// <summary>One saved version of the compliance plan. Versions are never changed: each save adds one.</summary>
public sealed class CompliancePlanVersion : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public int Version { get; set; }
    public required string AwarenessProgram { get; set; }
    public required string ReportingProcess { get; set; }
    public required string RecruitmentAndWagePlan { get; set; }
    /// <summary>Null when no housing is provided or arranged (FAR 52.222-50(h)(3)(iv) applies only then).</summary>
    public string? HousingPlan { get; set; }
    public required string SubcontractorProcedures { get; set; }
    public DateTime SavedAt { get; set; }
    public required string SavedBy { get; set; }

    public string? TextOf(CompliancePlanElementKind kind) => kind switch
    {
        CompliancePlanElementKind.AwarenessProgram => AwarenessProgram,
        CompliancePlanElementKind.ReportingProcess => ReportingProcess,
        CompliancePlanElementKind.RecruitmentAndWagePlan => RecruitmentAndWagePlan,
        CompliancePlanElementKind.HousingPlan => HousingPlan,
        _ => SubcontractorProcedures,
    };
}

public sealed record CompliancePlanText(string? AwarenessProgram, string? ReportingProcess, string? RecruitmentAndWagePlan, string? HousingPlan, bool? NoHousingProvided, string? SubcontractorProcedures);

public static class CompliancePlanRules
{
    public const int MaxElementLength = 20_000;

    /// <summary>FAR 52.222-50(h)(3)(ii): the reporting process must make the hotline available.</summary>
    public static readonly string[] HotlineMarks = ["1-844-888-FREE", "1-844-888-3733", "help@befree.org"];

    public static RuleViolations Check(CompliancePlanText plan)
    {
        var errors = new RuleViolations();
        Required(errors, "awarenessProgram", plan.AwarenessProgram, "FAR 52.222-50(h)(3)(i): describe the awareness program (policy, prohibited activities, actions for violations).");
        Required(errors, "reportingProcess", plan.ReportingProcess, "FAR 52.222-50(h)(3)(ii): describe how employees report without fear of retaliation.");
        if (!string.IsNullOrWhiteSpace(plan.ReportingProcess) && !HotlineMarks.Any(m => plan.ReportingProcess.Contains(m, StringComparison.OrdinalIgnoreCase)))
            errors.Add("reportingProcess", "hotline_missing", "FAR 52.222-50(h)(3)(ii): the reporting process must make the Global Human Trafficking Hotline available (1-844-888-FREE, help@befree.org).");
        Required(errors, "recruitmentAndWagePlan", plan.RecruitmentAndWagePlan, "FAR 52.222-50(h)(3)(iii): describe the recruitment and wage plan (trained recruiters, no recruitment fees, host-country wages).");
        if (plan.NoHousingProvided == true)
        {
            if (!string.IsNullOrWhiteSpace(plan.HousingPlan))
                errors.Add("housingPlan", "contradiction", "A housing plan was given although 'noHousingProvided' is true; clear one of them.");
        }
        else
        {
            Required(errors, "housingPlan", plan.HousingPlan, "FAR 52.222-50(h)(3)(iv): describe the housing plan, or set 'noHousingProvided' when no housing is provided or arranged.");
        }
        Required(errors, "subcontractorProcedures", plan.SubcontractorProcedures, "FAR 52.222-50(h)(3)(v): describe how agents and subcontractors at any tier are prevented, monitored, detected and terminated.");
        return errors;
    }

    private static void Required(RuleViolations errors, string field, string? value, string rule)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "required", rule);
        else if (value.Length > MaxElementLength) errors.Add(field, "too_long", $"'{field}' is {value.Length:N0} characters; the limit is {MaxElementLength:N0}.");
    }
}
