using Compliance.Domain.Audits;

namespace Compliance.Domain.Grievances;

/// <summary>What the worker reports, in plain words on the form; each maps to the ILO forced-labour indicator it evidences.</summary>
public enum GrievanceCategory
{
    WagesWithheld,
    DocumentsKept,
    RecruitmentFeesOrDebt,
    Deceived,
    CannotLeave,
    ThreatsOrViolence,
    ExcessiveOvertime,
    UnsafeConditions,
    ChildLabour,
    Retaliation,
    Other,
}

public static class GrievanceCategories
{
    /// <summary>The ILO indicator (ILO SAP-FL, 2012) a category evidences; child labour and "other" have none.</summary>
    public static IloIndicator? Indicator(GrievanceCategory category) => category switch
    {
        GrievanceCategory.WagesWithheld => IloIndicator.WithholdingOfWages,
        GrievanceCategory.DocumentsKept => IloIndicator.RetentionOfIdentityDocuments,
        GrievanceCategory.RecruitmentFeesOrDebt => IloIndicator.DebtBondage,
        GrievanceCategory.Deceived => IloIndicator.Deception,
        GrievanceCategory.CannotLeave => IloIndicator.RestrictionOfMovement,
        GrievanceCategory.ThreatsOrViolence => IloIndicator.PhysicalAndSexualViolence,
        GrievanceCategory.ExcessiveOvertime => IloIndicator.ExcessiveOvertime,
        GrievanceCategory.UnsafeConditions => IloIndicator.AbusiveWorkingAndLivingConditions,
        GrievanceCategory.Retaliation => IloIndicator.IntimidationAndThreats,
        _ => null,
    };

    /// <summary>The category as a compliance officer reads it (the form shows the reporter's own-language wording).</summary>
    public static string Words(GrievanceCategory category) => category switch
    {
        GrievanceCategory.WagesWithheld => "Wages withheld or unpaid",
        GrievanceCategory.DocumentsKept => "Identity documents kept",
        GrievanceCategory.RecruitmentFeesOrDebt => "Recruitment fees or debt",
        GrievanceCategory.Deceived => "Deceived about the job",
        GrievanceCategory.CannotLeave => "Not free to leave",
        GrievanceCategory.ThreatsOrViolence => "Threats, violence or harassment",
        GrievanceCategory.ExcessiveOvertime => "Excessive or forced overtime",
        GrievanceCategory.UnsafeConditions => "Unsafe working or living conditions",
        GrievanceCategory.ChildLabour => "Child labour",
        GrievanceCategory.Retaliation => "Retaliation for speaking up",
        _ => "Other",
    };
}
