using Microsoft.AspNetCore.Identity;

namespace Compliance.Web.Infrastructure.Identity;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
