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
}
