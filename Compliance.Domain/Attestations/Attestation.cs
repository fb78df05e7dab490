using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Common;

namespace Compliance.Domain.Attestations;

public enum AttestationKind
{
    /// <summary>A direct supplier certifies that materials comply with the slavery and trafficking laws where it does business (Cal. Civ. Code 1714.43(c)(3)).</summary>
    SupplierCertification,
    /// <summary>The contractor's annual certification to the contracting officer (FAR 52.222-56; 52.222-50(h)(5)).</summary>
    FarCertification,
    /// <summary>A subcontractor confirms the clause flowed down and certifies before award and annually (FAR 52.222-50(i)).</summary>
    FlowDown,
}

public enum AttestationStatus
{
    /// <summary>A FAR certification being prepared by the contractor.</summary>
    Draft,
    /// <summary>A link was sent to the supplier contact; not yet signed.</summary>
    Requested,
#pragma warning disable CA1720 // "Signed" is the domain's word here, not a type name.
    Signed,
#pragma warning restore CA1720
    /// <summary>Submitted to the contracting officer of the contract's agency.</summary>
    Submitted,
    Accepted,
    /// <summary>Returned by the contracting officer with comments; the contractor may resubmit.</summary>
    Returned,
}

/// <summary>
/// A signed statement. The statement's text and version are copied here when the attestation is made and never
/// change afterwards: what was signed stays readable as it was signed, with its SHA-256.
/// </summary>
public sealed class Attestation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public AttestationKind Kind { get; set; }
    public AttestationStatus Status { get; set; }
    public Guid? SupplierId { get; set; }
    public Guid? ContractId { get; set; }
    /// <summary>The agency key of the contract, set for FAR certifications: whose officers see it once submitted.</summary>
    public string? AgencyKey { get; set; }
    public required string StatementVersion { get; set; }
    public required string StatementText { get; set; }
    public required string StatementSha256 { get; set; }

    /// <summary>Supplier links: the person asked to sign.</summary>
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>SHA-256 of the link token; the token itself is shown once, to the requester.</summary>
    [NotAudited] public string? TokenHash { get; set; }
    public DateTime? LinkExpiresAt { get; set; }

    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateTime? SignedAt { get; set; }
    /// <summary>The day the certification lapses (annual certifications).</summary>
    public DateOnly? ValidUntil { get; set; }

    public DateTime? SubmittedAt { get; set; }
    public int Submissions { get; set; }
    public string? ReviewComments { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A random link token (256 bits) and the hash to store.</summary>
    public static (string Token, string Hash) NewLinkToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Sha256Of(token));
    }
}

/// <summary>One decision of a contracting officer on a submission; the history stays when the contractor resubmits.</summary>
public sealed class AttestationReview : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid AttestationId { get; set; }
    public int Submission { get; set; }
    public AttestationStatus Decision { get; set; }
    public string? Comments { get; set; }
    public required string ReviewedBy { get; set; }
    public required string Agency { get; set; }
    public DateTime ReviewedAt { get; set; }
}
