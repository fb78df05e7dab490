using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Infrastructure.Identity;

/// <summary>
/// Contracting officer accounts are made by a platform operator, never by a contractor: the agency an officer is bound to
/// decides which contractors' submissions they see, so a contractor must not be able to name one. The operator checks
/// the officer's government identity out of band and runs
/// <c>dotnet Compliance.Web.dll contracting-officer add officer@agency.gov "Department of State"</c>,
/// which prints a one-time password to hand over through the agency's channel.
/// </summary>
public static class ContractingOfficerAccounts
{
    public sealed record Created(string Email, string Agency, string? Password);

    /// <summary>Binds the user with this e-mail to the agency, creating the account (with a random password, returned once) when none exists.</summary>
    public static async Task<Created> AddAsync(string email, string agency, ComplianceDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        email = email.Trim();
        agency = agency.Trim();
        if (!new EmailAddressAttribute().IsValid(email)) throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        if (agency.Length is 0 or > 200) throw new ArgumentException("The agency name must have 1 to 200 characters.", nameof(agency));
        string? password = null;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
            user = new AppUser { UserName = email, Email = email, DisplayName = email };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var officer = await db.ContractingOfficers.FirstOrDefaultAsync(o => o.UserId == user.Id, ct);
        if (officer is null) db.ContractingOfficers.Add(new ContractingOfficer { UserId = user.Id, Agency = agency, CreatedAt = clock.GetUtcNow().UtcDateTime });
        else officer.Agency = agency;
        await db.SaveChangesAsync(ct);
        return new Created(email, agency, password);
    }

    /// <summary>The command line: <c>contracting-officer add EMAIL AGENCY</c>. Returns true when the arguments were this command.</summary>
    public static async Task<bool> RunCommandAsync(string[] args, IServiceProvider services)
    {
        if (args is not ["contracting-officer", "add", var email, var agency]) return false;
        await using var scope = services.CreateAsyncScope();
        var result = await AddAsync(email, agency, scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(),
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), TimeProvider.System, CancellationToken.None);
        Console.WriteLine(result.Password is null
            ? $"{result.Email} (existing account) now reviews for {result.Agency}."
            : $"{result.Email} reviews for {result.Agency}. One-time password (shown once): {result.Password}");
        return true;
    }
}

/// <summary>
/// A contracting officer who reaches for anything outside their review (a supplier, an audit, a grievance, a contractor's
/// page) gets 404, not 403: they learn nothing, not even that the thing exists.
/// </summary>
public sealed class OfficerSeesNothingElse : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var user = context.User;
        if (authorizeResult.Forbidden && user.HasClaim(c => c.Type == ComplianceClaims.Agency) && !user.HasClaim(c => c.Type == ComplianceClaims.Organization))
        {
            await Problems.NotFound().ExecuteAsync(context);
            return;
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
