using Compliance.Domain.Common;

namespace Compliance.Domain.Evidence;

/// <summary>What an evidence file backs.</summary>
public enum EvidenceOwner
{
    Audit,
    Finding,
    CorrectiveAction,
    Attestation,
    Grievance,
    Supplier,
    /// <summary>One of the five elements of the FAR 52.222-50(h)(3) compliance plan.</summary>
    CompliancePlanElement,
}

/// <summary>
/// A file a claim rests on (audit report, photo, certificate). The bytes live in the blob store under their SHA-256,
/// so an auditor can check that the file is the one that was uploaded.
/// </summary>
public sealed class EvidenceFile : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public EvidenceOwner OwnerType { get; set; }
    public Guid OwnerId { get; set; }
    public required string FileName { get; set; }
    /// <summary>Sniffed from the bytes, not taken from the client.</summary>
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public string? Description { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}
