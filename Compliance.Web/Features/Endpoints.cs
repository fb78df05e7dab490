using Compliance.Web.Features.Attestations;
using Compliance.Web.Features.Audits;
using Compliance.Web.Features.AuditTrail;
using Compliance.Web.Features.Evidence;
using Compliance.Web.Features.Exports;
using Compliance.Web.Features.Grievances;
using Compliance.Web.Features.Notifications;
using Compliance.Web.Features.Organizations;
using Compliance.Web.Features.Screening;
using Compliance.Web.Features.Suppliers;
using Compliance.Web.Features.Tokens;

namespace Compliance.Web.Features;

public static class Endpoints
{
    /// <summary>The JSON API under /api/v1, OpenAPI and health. Every endpoint names its policy or is explicitly anonymous.</summary>
    public static void MapComplianceApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();

        var api = app.MapGroup("/api/v1");
        SignUp.Map(api);
        OrganizationOverview.Map(api);
        ApiTokens.Map(api);
        SaveSupplier.Map(api);
        GetSupplier.Map(api);
        ListSuppliers.Map(api);
        DeleteSupplier.Map(api);
        SupplierRiskProfile.Map(api);
        Suppliers.Import.ImportSetup.Map(api);
        AuditEvents.Map(api);
        RecordAudit.Map(api);
        ImportAuditResults.Map(api);
        ListAudits.Map(api);
        GetAudit.Map(api);
        RecordFinding.Map(api);
        PlanCorrectiveAction.Map(api);
        MoveCorrectiveAction.Map(api);
        CorrectiveActionQueue.Map(api);
        CorrectiveActionPolicySettings.Map(api);
        UploadEvidence.Map(api, app.Configuration);
        EvidenceFiles.Map(api);
        Notices.Map(api);
        EvidenceExport.Map(api);
        EvidenceBundle.Map(api);
        ListRiskLists.Map(api);
        ImportRiskList.Map(api, app.Configuration);
        DiffRiskLists.Map(api);
        ScreeningRuns.Map(api);
        ScreeningHits.Map(api);
        DecideHit.Map(api);
        RiskDashboard.Map(api);
        SubmitGrievance.Map(api);
        FollowUpGrievance.Map(api);
        GrievanceCases.Map(api);
        WriteGrievanceMessage.Map(api);
        MoveGrievance.Map(api);
        TriageGrievance.Map(api);
        GrievanceSlaSettings.Map(api);
        Disclosures.Disclosures.Map(api);
        OData.ODataEndpoint.Map(app);
        FederalContracts.Map(api);
        CompliancePlans.Map(api);
        AttestationRequests.Map(api);
        CertifyByLink.Map(api);
        OfficerReview.Map(api);
        CredibleInformation.Map(api);
        TrainingAndAccountability.Map(api);
    }
}
