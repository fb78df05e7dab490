using Microsoft.AspNetCore.DataProtection;

namespace Compliance.Web.Features.Grievances;

/// <summary>
/// Encrypts what a reporter wrote (ASP.NET Core Data Protection: authenticated encryption, keys persisted and
/// rotated by the framework). Each organization gets its own purpose, so a ciphertext copied into another
/// organization's row does not decrypt there.
/// </summary>
public sealed class GrievanceProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "Compliance.Grievances.v1";

    public string Protect(Guid organizationId, string plaintext) => For(organizationId).Protect(plaintext);

    public string? Protect(Guid organizationId, string? plaintext, bool keepNull) =>
        plaintext is null && keepNull ? null : Protect(organizationId, plaintext ?? "");

    public string Unprotect(Guid organizationId, string ciphertext) => For(organizationId).Unprotect(ciphertext);

    public string? UnprotectOrNull(Guid organizationId, string? ciphertext) => ciphertext is null ? null : Unprotect(organizationId, ciphertext);

    private IDataProtector For(Guid organizationId) => provider.CreateProtector(Purpose, organizationId.ToString("N"));
}
