using Compliance.Domain.Attestations;

namespace Compliance.Web.Pages.Attestations;

public static class AttestationWords
{
    public static string Kind(AttestationKind kind) => kind switch
    {
        AttestationKind.FarCertification => "FAR 52.222-56 certification",
        AttestationKind.FlowDown => "Flow-down certification",
        _ => "Supplier certification",
    };

    public static string StatusClass(AttestationStatus status) => status switch
    {
        AttestationStatus.Accepted or AttestationStatus.Signed => "status-active",
        AttestationStatus.Returned => "status-suspended",
        _ => "status-onboarding",
    };
}
