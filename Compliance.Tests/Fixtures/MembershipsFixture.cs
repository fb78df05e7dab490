using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Fixtures;

/// <summary>Test data the API does not offer yet: a membership of an existing user in another organization.</summary>
public static class MembershipsFixture
{
    public static async Task AddMembershipAsync(ComplianceApp app, Guid organizationId, string email, Role role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.Tenant.Use(organizationId);
        db.Memberships.Add(new Membership { UserId = user.Id, Role = role, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>A new user with a password and one role in the organization.</summary>
    public static async Task AddUserAsync(ComplianceApp app, Guid organizationId, string email, string password, Role role)
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = email }, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await AddMembershipAsync(app, organizationId, email, role);
    }
}
